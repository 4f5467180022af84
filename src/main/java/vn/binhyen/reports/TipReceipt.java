package vn.binhyen.reports;

import java.time.Instant;

/** What the resident keeps: the tip code and the secret that opens its status page. The secret is shown once. */
public record TipReceipt(String code, String secret, Instant receivedAt, int attachmentsStored, int attachmentsFailed) {

    @Override
    public String toString() {
        return "TipReceipt[" + code + "]";
    }
}
