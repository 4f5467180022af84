package vn.binhyen.accounts;

import vn.binhyen.shared.LocalizedException;

/** A role change the rules do not allow (own role, wrong level of unit, no reason). */
public class RoleChangeException extends LocalizedException {

    RoleChangeException(String messageKey, String logMessage, Object... arguments) {
        super(messageKey, logMessage, arguments);
    }
}
