package vn.binhyen.directory;

import vn.binhyen.shared.LocalizedException;

/** A directory change the rules refuse; names the form field, so the page shows the sentence next to it. */
public class DirectoryChangeException extends LocalizedException {

    private final String field;

    DirectoryChangeException(String field, String messageKey, String logMessage, Object... arguments) {
        super(messageKey, logMessage, arguments);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
