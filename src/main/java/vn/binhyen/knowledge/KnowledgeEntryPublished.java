package vn.binhyen.knowledge;

/** A new version of an entry was approved and is now what residents see. */
public record KnowledgeEntryPublished(long entryId, String slug, int revisionNumber) {}
