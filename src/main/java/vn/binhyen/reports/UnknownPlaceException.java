package vn.binhyen.reports;

/** A tip names a commune or village that does not exist (or a village of another commune). */
public class UnknownPlaceException extends RuntimeException {

    private final String messageKey;

    private UnknownPlaceException(String messageKey) {
        super("Unknown place: " + messageKey);
        this.messageKey = messageKey;
    }

    static UnknownPlaceException commune() {
        return new UnknownPlaceException("tip.commune.unknown");
    }

    static UnknownPlaceException village() {
        return new UnknownPlaceException("tip.village.unknown");
    }

    public String messageKey() {
        return messageKey;
    }
}
