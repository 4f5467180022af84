package vn.binhyen.directory;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A village's community Zalo group in the registry. */
public record CommunityGroupView(
        long id,
        long villageId,
        String villageName,
        String communeCode,
        String communeName,
        @Nullable Long officerId,
        @Nullable String officerName,
        String name,
        @Nullable String zaloLink,
        int memberCount,
        Instant updatedAt) {}
