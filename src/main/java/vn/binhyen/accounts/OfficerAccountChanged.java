package vn.binhyen.accounts;

/**
 * Published, inside the change's transaction, when an administrator adds an officer with a sign-in, resets a password,
 * or deactivates or reactivates an officer; the audit log records it. Never carries a password.
 */
public record OfficerAccountChanged(String byUsername, long byOfficerId, long officerId, Change change, String detail) {

    public enum Change {
        ADDED,
        PASSWORD_RESET,
        /** The officer set their own password. */
        PASSWORD_CHANGED,
        DEACTIVATED,
        REACTIVATED
    }
}
