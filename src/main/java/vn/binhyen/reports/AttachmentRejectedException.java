package vn.binhyen.reports;

import vn.binhyen.shared.LocalizedException;

/** A file that a tip cannot carry; the message key explains why, in Vietnamese. */
public class AttachmentRejectedException extends LocalizedException {

    public AttachmentRejectedException(String messageKey, Object... arguments) {
        super(messageKey, "Attachment rejected: " + messageKey, arguments);
    }
}
