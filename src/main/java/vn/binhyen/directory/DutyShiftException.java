package vn.binhyen.directory;

import vn.binhyen.shared.LocalizedException;

/**
 * A shift the roster refuses: an end before its start, an officer of another unit, a village of another commune. Names
 * the form field it is about, so the page can show the sentence next to it.
 */
public class DutyShiftException extends LocalizedException {

    private final String field;

    public DutyShiftException(String field, String messageKey, String logMessage, Object... arguments) {
        super(messageKey, logMessage, arguments);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
