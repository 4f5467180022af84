package vn.binhyen.conversations;

/**
 * Published when an officer replies; the channel adapter named by {@code channel} delivers it and reports back
 * through {@link Conversations#updateReplyState}.
 *
 * @param messageId the reply's id; adapters use it as their idempotency key
 */
public record ReplyRequested(
        long messageId,
        long threadId,
        ConversationChannel channel,
        ThreadKind threadKind,
        String accountRef,
        String contactRef,
        String text) {

    @Override
    public String toString() {
        return "ReplyRequested[message " + messageId + ", thread " + threadId + "]";
    }
}
