package vn.binhyen.directory;

import org.jspecify.annotations.Nullable;

/**
 * A village (thôn, buôn) or residential group (tổ dân phố) inside a commune.
 *
 * @param retired no longer in service (merged into another, dissolved): not offered to residents or for new groups,
 *     bulletins and duty, while its tips, history and officer stay
 */
public record VillageView(
        long id,
        String communeCode,
        String name,
        VillageKind kind,
        @Nullable Integer population,
        @Nullable Double latitude,
        @Nullable Double longitude,
        boolean retired) {

    public VillageView(
            long id,
            String communeCode,
            String name,
            VillageKind kind,
            @Nullable Integer population,
            @Nullable Double latitude,
            @Nullable Double longitude) {
        this(id, communeCode, name, kind, population, latitude, longitude, false);
    }

    public enum VillageKind {
        VILLAGE,
        RESIDENTIAL_GROUP
    }
}
