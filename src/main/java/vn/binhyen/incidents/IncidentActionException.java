package vn.binhyen.incidents;

/**
 * An incident action the rules refuse (closing twice, a request for assistance outside its limits). The message key
 * and arguments make the Vietnamese sentence the officer sees; the English message is for logs.
 */
public class IncidentActionException extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;

    public IncidentActionException(String messageKey, String logMessage, Object... arguments) {
        super(logMessage);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
