package vn.binhyen.knowledge.internal;

/** What an entry is: a full procedure with documents and steps, or a short answer officers approved. */
public enum EntryKind {
    PROCEDURE,
    ANSWER
}
