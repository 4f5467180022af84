package vn.binhyen.incidents;

/** No such incident, or one outside the officer's area: the two look the same from outside. */
public class IncidentNotFoundException extends RuntimeException {

    public IncidentNotFoundException(long id) {
        super("Incident " + id + " not found in scope");
    }
}
