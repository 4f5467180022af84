package vn.binhyen.accounts;

/**
 * Published, inside the change's transaction, when an administrator adds an officer with a sign-in, resets a password,
 * deactivates or reactivates an officer, or when an officer's second factor changes; the audit log records it. Never
 * carries a password, a key or a code.
 */
public record OfficerAccountChanged(String byUsername, long byOfficerId, long officerId, Change change, String detail) {

    public enum Change {
        ADDED,
        PASSWORD_RESET,
        /** The officer set their own password. */
        PASSWORD_CHANGED,
        DEACTIVATED,
        REACTIVATED,
        /** The officer added an authenticator app. */
        SECOND_FACTOR_ADDED,
        /** The officer removed their app (a new phone). */
        SECOND_FACTOR_REMOVED,
        /** The officer signed in with a recovery code in place of the app's. */
        RECOVERY_CODE_USED,
        /** The officer took ten new recovery codes. */
        RECOVERY_CODES_RENEWED,
        /** An administrator removed an officer's app (a lost phone): the officer adds one again. */
        SECOND_FACTOR_RESET
    }
}
