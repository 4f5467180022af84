package vn.binhyen.zalo.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Zalo's JSON: ids and timestamps are strings (they exceed 2^53), sometimes numbers; both are read as text. */
public final class ZaloJson {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ZaloJson() {}

    /** The node's scalar value as text, or "" when it is missing, null or a container. */
    public static String text(JsonNode node) {
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asString();
        }
        return "";
    }
}
