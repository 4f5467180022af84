package vn.binhyen.directory;

/** The unit list cannot be imported; the message is for the administrator, in Vietnamese. */
public class UnitImportException extends RuntimeException {
    public UnitImportException(String message) {
        super(message);
    }
}
