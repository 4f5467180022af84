package vn.binhyen.shared.text;

import org.jspecify.annotations.Nullable;

/** What people and other systems type, made fit to store. */
public final class TypedText {

    private TypedText() {}

    /**
     * The text without U+0000, which PostgreSQL's text types cannot hold ("invalid byte sequence for encoding UTF8:
     * 0x00"): left in, it fails the whole statement and the tip or message with it.
     *
     * <p>Removed rather than refused: nobody types a NUL on purpose (it comes from a broken keyboard app, a copy out
     * of a binary file, or someone probing the site), it is invisible, so a resident told "your text has a NUL" could
     * neither find nor remove it. Dropping it keeps every character they meant and the tip arrives.
     */
    public static @Nullable String withoutNul(@Nullable String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    }

    /**
     * The text whose length counts: a line break is one character, as a textarea's {@code maxlength} counts it (the
     * browser then sends each as "\r\n", so a message of many short lines that fit on screen arrived over the limit
     * and was refused), and no spaces or blank lines around it (a description of nine characters padded with spaces
     * passed a minimum of ten).
     */
    public static @Nullable String normalized(@Nullable String text) {
        if (text == null) {
            return null;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }
}
