package vn.binhyen.knowledge.internal;

/** An editorial step the officer may not take; the message key is shown to them as a Vietnamese sentence. */
public class EditorialException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public EditorialException(String messageKey, Object... arguments) {
        super(messageKey);
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
