package vn.binhyen.bulletins;

import java.time.Instant;

/**
 * A resident's message that answers a bulletin, as its page lists it for officers.
 *
 * @param threadId the conversation it is in (the inbox checks who may open it)
 * @param quoted whether the resident quoted the bulletin on Zalo; otherwise they wrote soon after it reached them
 */
public record BulletinReply(long threadId, long messageId, String text, boolean quoted, Instant sentAt) {}
