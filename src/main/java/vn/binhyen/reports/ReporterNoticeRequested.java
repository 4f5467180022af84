package vn.binhyen.reports;

/**
 * Published when a reporter who gave their identity on a Zalo chat is to be told something: that their tip was
 * received, or a result. It carries no identity: the Zalo channel asks {@link ReporterNotices#zaloRecipient} for the
 * recipient when it queues the message, so the Zalo user id never sits in clear in the event registry.
 *
 * @param noticeKey idempotency key of this notice ("receipt:42", "result:42:7"); one message per key
 * @param text the message, in Vietnamese, without the reporter's identity
 */
public record ReporterNoticeRequested(long tipId, String communeCode, String noticeKey, String text) {

    /** The tip a notice key belongs to: the number after the kind ("receipt:42", "result:42:7" → 42). */
    public static long tipIdOf(String noticeKey) {
        String[] parts = noticeKey.split(":");
        if (parts.length < 2) {
            throw new IllegalArgumentException("Not a notice key: " + noticeKey);
        }
        return Long.parseLong(parts[1]);
    }

    @Override
    public String toString() {
        return "ReporterNoticeRequested[tip " + tipId + ", " + noticeKey + "]";
    }
}
