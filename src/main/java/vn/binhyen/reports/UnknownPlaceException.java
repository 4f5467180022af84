package vn.binhyen.reports;

import vn.binhyen.shared.LocalizedException;

/** A tip names a commune or village that does not exist (or a village of another commune, or one out of service). */
public class UnknownPlaceException extends LocalizedException {

    private UnknownPlaceException(String messageKey) {
        super(messageKey, "Unknown place: " + messageKey);
    }

    static UnknownPlaceException commune() {
        return new UnknownPlaceException("tip.commune.unknown");
    }

    static UnknownPlaceException village() {
        return new UnknownPlaceException("tip.village.unknown");
    }

    /** The village left service (merged into another): the resident chooses one of today's. */
    static UnknownPlaceException retiredVillage() {
        return new UnknownPlaceException("tip.village.retired");
    }
}
