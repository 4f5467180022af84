package vn.binhyen.zalo.internal;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import vn.binhyen.conversations.MessageKind;

/**
 * The readable part of a Zalo message: text, the first attachment's link, a location. Parsed defensively: Zalo's
 * location shape differs between sources ({@code attachments[].payload.coordinates} in production code,
 * {@code message.location} in some write-ups), so both are read.
 */
record ParsedMessage(
        MessageKind kind,
        String text,
        @Nullable String url,
        @Nullable Double latitude,
        @Nullable Double longitude) {

    static ParsedMessage of(String type, JsonNode message) {
        String text = ZaloJson.text(message.path("text"));
        JsonNode payload = message.path("attachments").path(0).path("payload");
        String url = blankToNull(ZaloJson.text(payload.path("url")));
        return switch (type) {
            case "text" -> new ParsedMessage(MessageKind.TEXT, text, null, null, null);
            case "image", "gif" -> new ParsedMessage(MessageKind.IMAGE, text, url, null, null);
            case "sticker" -> new ParsedMessage(MessageKind.STICKER, text, url, null, null);
            case "link" -> {
                String title = ZaloJson.text(payload.path("title"));
                yield new ParsedMessage(MessageKind.LINK, text.isEmpty() ? title : text, url, null, null);
            }
            case "file", "audio", "video" -> {
                String name = ZaloJson.text(payload.path("name"));
                yield new ParsedMessage(MessageKind.FILE, text.isEmpty() ? name : text, url, null, null);
            }
            case "location" -> {
                JsonNode coordinates = payload.path("coordinates");
                if (coordinates.isMissingNode()) {
                    coordinates = message.path("location");
                }
                yield new ParsedMessage(
                        MessageKind.LOCATION,
                        text,
                        null,
                        coordinate(coordinates.path("latitude"), 90),
                        coordinate(coordinates.path("longitude"), 180));
            }
            default -> new ParsedMessage(MessageKind.OTHER, text, url, null, null);
        };
    }

    private static @Nullable Double coordinate(JsonNode node, double limit) {
        try {
            double value = Double.parseDouble(ZaloJson.text(node));
            return Double.isFinite(value) && Math.abs(value) <= limit ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Only web links are kept: a resident's "url" ends up in an officer's page as a link. */
    private static @Nullable String blankToNull(String value) {
        String v = value.strip();
        return v.startsWith("https://") || v.startsWith("http://") ? v : null;
    }
}
