package vn.binhyen.reports;

/**
 * A console action that the rules do not allow. The message key and arguments make a clear Vietnamese sentence for
 * the officer; the English message is for logs.
 */
public class TipWorkflowException extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;

    public TipWorkflowException(String messageKey, String logMessage, Object... arguments) {
        super(logMessage);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public static TipWorkflowException illegalMove(TipStatus from, TipStatus to) {
        return new TipWorkflowException(
                "tip.error.illegal-move", "Cannot move a tip from " + from + " to " + to, from.labelKey(), to.labelKey());
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
