package vn.binhyen.audit;

/** What an audit entry records. */
public enum AuditAction {
    /** Someone opened a report, its photo or its register line. */
    VIEW,
    /** Someone changed a report: status, classification, decision, note, message. */
    CHANGE,
    /** An officer read the reporter's identity after stating a reason. */
    IDENTITY_REVEAL,
    /** A register export or printout left the system. */
    EXPORT,
    SIGN_IN,
    SIGN_IN_FAILED,
    ROLE_CHANGE,
    /** Someone added an officer with a sign-in, reset a password, or deactivated or reactivated an officer. */
    ACCOUNT_CHANGE,
    /** Someone added, ended early or removed a duty shift. */
    ROSTER_CHANGE,
    /** Someone gave a village to another area officer, or to none. */
    JURISDICTION_CHANGE,
    /** Someone changed a unit's public contact details or added a village. */
    DIRECTORY_CHANGE,
    /** Someone checked the chain itself. */
    VERIFY;

    public String labelKey() {
        return "audit.action." + name();
    }
}
