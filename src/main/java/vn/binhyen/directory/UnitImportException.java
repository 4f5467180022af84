package vn.binhyen.directory;

import vn.binhyen.shared.LocalizedException;

/** The unit list cannot be imported; nothing was imported. The key and arguments make the Vietnamese message. */
public class UnitImportException extends LocalizedException {

    public UnitImportException(String messageKey, Object... arguments) {
        super(messageKey, "Unit list not imported: " + messageKey, arguments);
    }
}
