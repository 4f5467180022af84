package vn.binhyen.accounts;

import vn.binhyen.shared.LocalizedException;

/** An account change the rules refuse: a sign-in name taken or malformed, a role that does not fit, one's own account. */
public class OfficerAccountException extends LocalizedException {

    private final String field;

    OfficerAccountException(String field, String messageKey, String logMessage, Object... arguments) {
        super(messageKey, logMessage, arguments);
        this.field = field;
    }

    /** The form field the refusal is about, so the page shows the sentence next to it. */
    public String field() {
        return field;
    }
}
