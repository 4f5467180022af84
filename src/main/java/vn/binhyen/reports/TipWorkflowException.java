package vn.binhyen.reports;

import vn.binhyen.shared.LocalizedException;

/**
 * A console action that the rules do not allow. The message key and arguments make a clear Vietnamese sentence for
 * the officer; the English message is for logs.
 */
public class TipWorkflowException extends LocalizedException {

    public TipWorkflowException(String messageKey, String logMessage, Object... arguments) {
        super(messageKey, logMessage, arguments);
    }

    public static TipWorkflowException illegalMove(TipStatus from, TipStatus to) {
        return new TipWorkflowException(
                "tip.error.illegal-move",
                "Cannot move a tip from " + from + " to " + to,
                from.labelKey(),
                to.labelKey());
    }
}
