package vn.binhyen.bulletins;

import java.util.List;

/**
 * How a bulletin will look, while it is being written.
 *
 * @param html the portal's rendering (escaped, safe to insert)
 * @param zaloText the message residents get on Zalo
 * @param hints readability hints as message keys with arguments; empty when the text is short and plain
 */
public record BulletinPreview(
        String html, String zaloText, int characters, int words, int sentences, int longestSentence, List<Hint> hints) {

    public record Hint(String key, List<Object> args) {
        public Object[] argArray() {
            return args.toArray();
        }
    }
}
