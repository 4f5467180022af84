package vn.binhyen.insights.internal;

/** An officer asked for figures of a unit outside their scope: 403, whatever the address. */
public class UnitNotVisibleException extends RuntimeException {
    public UnitNotVisibleException() {
        super("Unit outside the officer's scope");
    }
}
