package vn.binhyen.bulletins.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small markup bulletins are written in, safe by construction: everything is HTML-escaped first, then only
 * paragraphs (blank line), line breaks, bullet lists ("- " at the start of a line), **bold** and bare http(s) links
 * become tags. No raw HTML passes, so no sanitiser is needed. The same text also renders as plain text for Zalo.
 */
public final class Markup {

    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*\\n]+?)\\*\\*");
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+[^\\s<>\"'.,;:!?)]");

    private Markup() {}

    public static String toHtml(String source) {
        StringBuilder html = new StringBuilder();
        for (List<String> block : blocks(source)) {
            boolean list = block.stream().allMatch(Markup::isItem);
            if (list) {
                html.append("<ul>");
                for (String line : block) {
                    html.append("<li>")
                            .append(inline(line.strip().substring(2).strip()))
                            .append("</li>");
                }
                html.append("</ul>");
            } else {
                html.append("<p>");
                for (int i = 0; i < block.size(); i++) {
                    if (i > 0) {
                        html.append("<br>");
                    }
                    String line = block.get(i).strip();
                    html.append(isItem(line) ? "• " + inline(line.substring(2).strip()) : inline(line));
                }
                html.append("</p>");
            }
        }
        return html.toString();
    }

    /** What a Zalo message shows: no markers, bullets as "•". */
    public static String toPlainText(String source) {
        List<String> paragraphs = new ArrayList<>();
        for (List<String> block : blocks(source)) {
            List<String> lines = new ArrayList<>();
            for (String line : block) {
                String text = line.strip();
                text = isItem(text) ? "• " + text.substring(2).strip() : text;
                lines.add(BOLD.matcher(text).replaceAll("$1"));
            }
            paragraphs.add(String.join("\n", lines));
        }
        return String.join("\n\n", paragraphs);
    }

    private static boolean isItem(String line) {
        String text = line.strip();
        return text.startsWith("- ") || text.startsWith("* ");
    }

    private static List<List<String>> blocks(String source) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : source.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return blocks;
    }

    private static String inline(String text) {
        String escaped = escape(text);
        escaped = BOLD.matcher(escaped).replaceAll("<strong>$1</strong>");
        Matcher links = LINK.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (links.find()) {
            String url = links.group();
            links.appendReplacement(
                    out, Matcher.quoteReplacement("<a href=\"" + url + "\" rel=\"nofollow noopener\">" + url + "</a>"));
        }
        links.appendTail(out);
        return out.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
