package vn.binhyen.reports;

/** A file that a tip cannot carry; the message key explains why, in Vietnamese. */
public class AttachmentRejectedException extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;

    public AttachmentRejectedException(String messageKey, Object... arguments) {
        super("Attachment rejected: " + messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
