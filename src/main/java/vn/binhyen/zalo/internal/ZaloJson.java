package vn.binhyen.zalo.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.binhyen.shared.text.TypedText;

/** Zalo's JSON: ids and timestamps are strings (they exceed 2^53), sometimes numbers; both are read as text. */
public final class ZaloJson {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ZaloJson() {}

    /**
     * The node's scalar value as text, or "" when it is missing, null or a container; without U+0000, which JSON may
     * carry ({@code \u0000}) but PostgreSQL cannot store: a resident's message with one was stored as an event and then
     * failed every attempt to copy it into the officers' inbox. Every string read from Zalo passes here.
     */
    public static String text(JsonNode node) {
        if (node.isString()) {
            return TypedText.withoutNul(node.stringValue());
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asString();
        }
        return "";
    }
}
