package vn.binhyen.audit;

import org.jspecify.annotations.Nullable;

/**
 * One thing to record. {@code subject} names what was touched ({@code "tip:42"}); {@code detail} says what happened in
 * a few words. Neither may carry a reporter's identity: the log is read by administrators.
 *
 * @param actor who did it: an officer's sign-in name, or {@code system}
 * @param officerId the officer's id when an officer did it
 */
public record AuditEntry(
        String actor,
        @Nullable Long officerId,
        AuditAction action,
        @Nullable String subject,
        @Nullable String detail) {

    public static AuditEntry byOfficer(
            String username, long officerId, AuditAction action, String subject, @Nullable String detail) {
        return new AuditEntry(username, officerId, action, subject, detail);
    }

    public static AuditEntry bySystem(AuditAction action, String subject, @Nullable String detail) {
        return new AuditEntry("system", null, action, subject, detail);
    }
}
