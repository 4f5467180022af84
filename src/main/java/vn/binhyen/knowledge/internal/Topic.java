package vn.binhyen.knowledge.internal;

/** The areas of police administrative work the catalogue covers; the FAQ page groups entries by them. */
public enum Topic {
    RESIDENCE,
    IDENTITY,
    ELECTRONIC_ID,
    VEHICLE,
    REPORTING,
    OTHER
}
