package vn.binhyen.bulletins;

/** A bulletin action that is not allowed or not possible; {@link #messageKey()} says why, in the officer's language. */
public class BulletinException extends RuntimeException {

    private final String messageKey;

    public BulletinException(String messageKey, String message) {
        super(message);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
