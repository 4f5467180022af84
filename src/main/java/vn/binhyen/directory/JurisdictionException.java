package vn.binhyen.directory;

import vn.binhyen.shared.LocalizedException;

/** A village given to someone who cannot cover it: not an active area officer of the village's commune. */
public class JurisdictionException extends LocalizedException {

    public JurisdictionException(String messageKey, String logMessage, Object... arguments) {
        super(messageKey, logMessage, arguments);
    }
}
