package vn.binhyen.zalo.internal;

/** Zalo did not answer usefully (network error, timeout, 5xx): transient, try again later. */
public class ZaloUnreachableException extends RuntimeException {

    public ZaloUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ZaloUnreachableException(String message) {
        super(message);
    }
}
