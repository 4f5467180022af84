package vn.binhyen.reports;

import java.time.Instant;

/**
 * What the resident keeps: the tip code and the secret that opens its status page (the secret is shown once), and the
 * register line the report was entered under. The id is for officer-side channels that link to the tip in the console
 * (never shown to residents).
 */
public record TipReceipt(
        String code,
        String secret,
        Instant receivedAt,
        int attachmentsStored,
        int attachmentsFailed,
        long tipId,
        String registerNumber) {

    @Override
    public String toString() {
        return "TipReceipt[" + code + "]";
    }
}
