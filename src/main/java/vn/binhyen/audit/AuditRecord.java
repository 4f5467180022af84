package vn.binhyen.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A stored audit entry, as the chain-of-custody view and the admin page show it. */
public record AuditRecord(
        long id,
        Instant recordedAt,
        String actor,
        @Nullable Long officerId,
        AuditAction action,
        @Nullable String subject,
        @Nullable String detail,
        String prevHash,
        String hash) {}
