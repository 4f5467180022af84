package vn.binhyen.directory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Published, inside the change's transaction, when a commune's chief (or an administrator) gives a village to another
 * area officer or to none; the audit log records it. Who covers a village decides who sees its tips. With
 * {@code handOverOpenTips} the village's open tips held by the officers before go to the officer after (the reports
 * module does it, in the same transaction).
 */
public record JurisdictionChanged(
        String byUsername,
        long byOfficerId,
        String communeCode,
        long villageId,
        String villageName,
        List<Long> officersBefore,
        @Nullable Long officerAfter,
        boolean handOverOpenTips) {

    public JurisdictionChanged {
        officersBefore = List.copyOf(officersBefore);
    }
}
