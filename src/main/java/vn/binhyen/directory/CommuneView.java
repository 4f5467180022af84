package vn.binhyen.directory;

import org.jspecify.annotations.Nullable;

/** A commune, ward or special zone with its police unit's public contact details. */
public record CommuneView(
        String code,
        String name,
        String fullName,
        String provinceCode,
        String provinceName,
        boolean remote,
        @Nullable String policeUnitName,
        @Nullable String address,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String zaloPage) {}
