package vn.binhyen.conversations;

/** Whether a thread is with one resident or with a village group (group traffic is read, rarely answered). */
public enum ThreadKind {
    RESIDENT,
    GROUP
}
