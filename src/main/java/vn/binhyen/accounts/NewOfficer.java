package vn.binhyen.accounts;

import org.jspecify.annotations.Nullable;
import vn.binhyen.directory.OfficerRole;

/** What the administrator types to add an officer: who, where, in what role, and the sign-in name. */
public record NewOfficer(
        String unitCode,
        String fullName,
        @Nullable String rank,
        @Nullable OfficerRole role,
        @Nullable String phone,
        String username) {}
