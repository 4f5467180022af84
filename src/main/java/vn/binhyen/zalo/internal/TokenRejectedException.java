package vn.binhyen.zalo.internal;

/**
 * Zalo's OAuth server refused a code or refresh token (it answers with HTTP 200 and a negative {@code error}). Terminal:
 * the OA must be connected again by an administrator.
 */
public class TokenRejectedException extends RuntimeException {

    private final int error;
    private final String errorName;

    public TokenRejectedException(int error, String errorName) {
        super("Zalo refused the token request: " + error + " " + errorName);
        this.error = error;
        this.errorName = errorName;
    }

    public int error() {
        return error;
    }

    /** A short description safe to store and show: the code and Zalo's name for it, no token. */
    public String problem() {
        return error + " " + errorName;
    }
}
