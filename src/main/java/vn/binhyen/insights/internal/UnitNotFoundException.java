package vn.binhyen.insights.internal;

/** A unit code or level that names nothing: 404. */
public class UnitNotFoundException extends RuntimeException {
    public UnitNotFoundException() {
        super("No such unit");
    }
}
