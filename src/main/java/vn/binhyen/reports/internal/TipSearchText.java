package vn.binhyen.reports.internal;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.binhyen.shared.text.VietnameseText;

/** The folded text a tip is found by: its code, what happened, where. Never the reporter's identity. */
public final class TipSearchText {

    /** The first word of every tip's code, folded: {@code TB-7K3M-Q9TX} is found as "tb 7k3m q9tx". */
    private static final String CODE_PREFIX = "tb";

    private TipSearchText() {}

    public static String of(String code, String description, String place, String villageName) {
        return Stream.of(code.replace("-", " "), description, place, villageName)
                .filter(Objects::nonNull)
                .map(VietnameseText::fold)
                .collect(Collectors.joining(" "));
    }

    /**
     * A prefix query for PostgreSQL's {@code to_tsquery('simple', …)}: every folded word must start a word. The word
     * "tb" is left out: every tip's text has it (codes are {@code TB-…}), so it narrows nothing, but as a prefix it made
     * PostgreSQL gather every tip in the index, which made pasting a code the slowest search of all.
     */
    public static String prefixQuery(String typed) {
        return Stream.of(VietnameseText.fold(typed).split(" "))
                .filter(word -> !word.isBlank())
                .limit(8)
                .filter(word -> !word.equals(CODE_PREFIX))
                .map(word -> word + ":*")
                .collect(Collectors.joining(" & "));
    }
}
