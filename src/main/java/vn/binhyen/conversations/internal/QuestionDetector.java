package vn.binhyen.conversations.internal;

import java.util.List;
import java.util.regex.Pattern;
import vn.binhyen.shared.text.VietnameseText;

/**
 * Tells a question ("lam lai cccd can gi", "cho hỏi đăng ký tạm trú ở đâu ạ") from other messages (a report of
 * something happening, a thank-you), so that the question figures count questions. The knowledge base answering a
 * message well also makes it a question; this covers the questions it cannot answer.
 */
final class QuestionDetector {

    /** Question words and phrases, folded with shorthand written out as {@link VietnameseText#foldedWords} does. */
    private static final List<Pattern> ASKING = List.of(
                    "gi",
                    "sao",
                    "the nao",
                    "nhu nao",
                    "o dau",
                    "cho nao",
                    "bao lau",
                    "bao nhieu",
                    "bao gio",
                    "khi nao",
                    "luc nao",
                    "co duoc",
                    "co can",
                    "co phai",
                    "duoc khong",
                    "khong a",
                    "cho hoi",
                    "xin hoi",
                    "em hoi",
                    "toi hoi",
                    "muon hoi",
                    "hoi ve",
                    "hoi thu tuc",
                    "thu tuc",
                    "huong dan",
                    "can nhung",
                    "lam sao")
            .stream()
            .map(phrase -> Pattern.compile("(^|\\s)" + phrase.replace(" ", "\\s+") + "($|\\s)"))
            .toList();

    private QuestionDetector() {}

    static boolean asks(String text) {
        if (text.indexOf('?') >= 0) {
            return true;
        }
        String folded = String.join(" ", VietnameseText.foldedWords(text));
        return ASKING.stream().anyMatch(pattern -> pattern.matcher(folded).find());
    }
}
