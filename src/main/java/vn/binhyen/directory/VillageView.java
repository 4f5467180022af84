package vn.binhyen.directory;

import org.jspecify.annotations.Nullable;

/** A village (thôn, buôn) or residential group (tổ dân phố) inside a commune. */
public record VillageView(
        long id,
        String communeCode,
        String name,
        VillageKind kind,
        @Nullable Integer population,
        @Nullable Double latitude,
        @Nullable Double longitude) {

    public enum VillageKind {
        VILLAGE,
        RESIDENTIAL_GROUP
    }
}
