package vn.binhyen.reports.internal;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.binhyen.shared.text.VietnameseText;

/** The folded text a tip is found by: its code, what happened, where. Never the reporter's identity. */
public final class TipSearchText {

    private TipSearchText() {}

    public static String of(String code, String description, String place, String villageName) {
        return Stream.of(code.replace("-", " "), description, place, villageName)
                .filter(Objects::nonNull)
                .map(VietnameseText::fold)
                .collect(Collectors.joining(" "));
    }

    /** A prefix query for PostgreSQL's {@code to_tsquery('simple', …)}: every folded word must start a word. */
    public static String prefixQuery(String typed) {
        return Stream.of(VietnameseText.fold(typed).split(" "))
                .filter(word -> !word.isBlank())
                .limit(8)
                .map(word -> word + ":*")
                .collect(Collectors.joining(" & "));
    }
}
