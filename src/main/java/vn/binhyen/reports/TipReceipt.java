package vn.binhyen.reports;

import java.time.Instant;

/**
 * What the resident keeps: the tip code and the secret that opens its status page. The secret is shown once. The id
 * is for officer-side channels that link to the tip in the console (never shown to residents).
 */
public record TipReceipt(
        String code, String secret, Instant receivedAt, int attachmentsStored, int attachmentsFailed, long tipId) {

    @Override
    public String toString() {
        return "TipReceipt[" + code + "]";
    }
}
