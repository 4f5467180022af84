package vn.binhyen.zalo.internal;

/** The event cannot be handled yet (e.g. a receipt for a reply whose send is not recorded yet); try again later. */
public class RetryLaterException extends RuntimeException {

    public RetryLaterException(String message) {
        super(message);
    }
}
