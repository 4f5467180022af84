package vn.binhyen.reports;

/**
 * No tip that this caller may see has that code or id. Deliberately the same for "does not exist", "wrong secret"
 * and "outside your area", so that nobody can probe for tips.
 */
public class TipNotFoundException extends RuntimeException {
    public TipNotFoundException() {
        super("Tip not found or not visible to this caller");
    }
}
