package vn.binhyen.knowledge.internal;

/** No entry (or no approved version of it) under this slug or id. */
public class EntryNotFoundException extends RuntimeException {

    public EntryNotFoundException(String what) {
        super("No knowledge entry " + what);
    }
}
