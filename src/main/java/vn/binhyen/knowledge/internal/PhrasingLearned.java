package vn.binhyen.knowledge.internal;

/** An entry learned a new way of asking for it; the index takes it in once the transaction commits. */
record PhrasingLearned(long entryId) {}
