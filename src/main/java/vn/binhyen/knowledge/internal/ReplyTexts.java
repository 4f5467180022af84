package vn.binhyen.knowledge.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.binhyen.shared.web.PublicLinks;

/**
 * The message that answers a resident with an entry: what to bring and where to go, short enough to read on a phone
 * and inside Zalo's 2,000 characters, with the link to the whole procedure on the portal.
 */
@Component
public class ReplyTexts {

    /** Zalo's limit for one consultation message. */
    public static final int MAX_LENGTH = 2000;

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final int MAX_ITEMS = 8;

    private final MessageSource messages;
    private final PublicLinks links;
    private final KnowledgeProperties properties;

    ReplyTexts(MessageSource messages, PublicLinks links, KnowledgeProperties properties) {
        this.messages = messages;
        this.links = links;
        this.properties = properties;
    }

    public String replyFor(PublishedEntry entry) {
        var content = entry.content();
        var text = new StringBuilder(content.title()).append('\n');
        append(text, "", content.summary());
        appendList(text, "knowledge.reply.documents", content.documents());
        append(text, label("knowledge.reply.submission"), content.submission());
        append(text, label("knowledge.reply.time-limit"), content.timeLimit());
        append(text, label("knowledge.reply.fee"), content.fee());
        String link = "\n" + label("knowledge.reply.more") + " " + links.url(properties.publicBaseUrl(), entry.url());
        // The link matters more than the last details: cut the body, never the link.
        int room = MAX_LENGTH - link.length();
        String body = text.toString().strip();
        if (body.length() > room) {
            body = body.substring(0, room - 1) + "…";
        }
        return body + link;
    }

    private static void append(StringBuilder text, String label, String value) {
        if (!value.isBlank()) {
            text.append('\n').append(label.isEmpty() ? "" : label + " ").append(value.strip());
        }
    }

    private void appendList(StringBuilder text, String labelKey, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        text.append('\n').append(label(labelKey));
        items.stream().limit(MAX_ITEMS).forEach(item -> text.append("\n- ").append(item));
        if (items.size() > MAX_ITEMS) {
            text.append("\n- …");
        }
    }

    private String label(String key) {
        return messages.getMessage(key, null, VIETNAMESE);
    }
}
