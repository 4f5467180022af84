package vn.binhyen.knowledge.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One version of an entry with who proposed and who decided it: a line of the entry's history. */
public record Revision(
        long id,
        long entryId,
        String slug,
        int number,
        RevisionStatus status,
        EntryContent content,
        String changeNote,
        @Nullable Long proposedByOfficerId,
        String proposedByName,
        Instant proposedAt,
        @Nullable String decidedByName,
        @Nullable String decisionNote,
        @Nullable Instant decidedAt,
        @Nullable LocalDate reviewedOn) {}
