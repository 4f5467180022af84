package vn.binhyen.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.binhyen.knowledge.SuggestedAnswer.PassagePart;
import vn.binhyen.knowledge.internal.EntryContent;
import vn.binhyen.knowledge.internal.PassagesProbe;

/** The passage shown beside a suggestion: the line that answers, with the question's words marked. */
class PassagesTests {

    static final EntryContent LOST_CARD = new EntryContent(
            "Cấp lại thẻ căn cước khi bị mất",
            List.of(),
            "Khi mất thẻ căn cước hoặc căn cước công dân, người dân đề nghị cấp lại tại công an cấp xã.",
            "Người bị mất thẻ căn cước.",
            List.of("Không cần giấy xác nhận mất."),
            List.of("Thu nhận lại ảnh mặt, vân tay, mống mắt nếu cần."),
            "Công an cấp xã bất kỳ.",
            "7 ngày làm việc.",
            "70.000 đồng.",
            "Luật Căn cước 2023.");

    @Test
    void theLineWithMostOfTheQuestionsWordsIsChosenAndSynonymsSpanningWordsAreMarked() {
        var parts = PassagesProbe.bestPassage("lam lai cccd bi mat can gi", LOST_CARD);

        assertThat(text(parts)).startsWith("Khi mất thẻ căn cước");
        assertThat(marked(parts)).contains("mất thẻ căn cước", "căn cước công dân", "cấp lại");
        assertThat(marked(parts)).doesNotContain("Khi mất thẻ căn cước");
    }

    @Test
    void wordsOnlyAlikeWithoutDiacriticsCountOnceSoTheyDoNotOutweighARealMatch() {
        var parts = PassagesProbe.bestPassage("mat the can cuoc", LOST_CARD);

        assertThat(text(parts)).doesNotStartWith("Thu nhận lại ảnh mặt");
    }

    @Test
    void aQuestionSharingNothingStillGetsALineWithNothingMarked() {
        var parts = PassagesProbe.bestPassage("xyz", LOST_CARD);

        assertThat(text(parts)).isNotEmpty();
        assertThat(parts).noneMatch(PassagePart::matched);
    }

    private static String text(List<PassagePart> parts) {
        return parts.stream().map(PassagePart::text).collect(Collectors.joining());
    }

    private static List<String> marked(List<PassagePart> parts) {
        return parts.stream()
                .filter(PassagePart::matched)
                .map(part -> part.text().strip())
                .toList();
    }
}
