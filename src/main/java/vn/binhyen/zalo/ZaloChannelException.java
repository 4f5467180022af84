package vn.binhyen.zalo;

/** Something an administrator asked of the Zalo channel that cannot be done; the key names the explanation. */
public class ZaloChannelException extends RuntimeException {

    private final String messageKey;

    public ZaloChannelException(String messageKey, String message) {
        super(message);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
