package vn.binhyen.directory;

/** The unit list cannot be imported; nothing was imported. The key and arguments make the Vietnamese message. */
public class UnitImportException extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;

    public UnitImportException(String messageKey, Object... arguments) {
        super("Unit list not imported: " + messageKey);
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
