package vn.binhyen.directory;

import org.jspecify.annotations.Nullable;

/** An officer and the unit they belong to. {@code unitCode} is a commune code, or a province code for the command. */
public record OfficerView(
        long id,
        String fullName,
        @Nullable String rank,
        OfficerRole role,
        long policeUnitId,
        String unitCode,
        String unitName,
        String provinceCode) {}
