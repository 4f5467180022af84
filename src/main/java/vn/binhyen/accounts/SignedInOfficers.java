package vn.binhyen.accounts;

import vn.binhyen.directory.OfficerView;

/** Builds {@link SignedInOfficer}s; for the sign-in service and for tests that act as an officer. */
public final class SignedInOfficers {

    private SignedInOfficers() {}

    public static SignedInOfficer of(String username, String passwordHash, OfficerView officer, boolean enabled) {
        return of(username, passwordHash, officer, enabled, false);
    }

    public static SignedInOfficer of(
            String username, String passwordHash, OfficerView officer, boolean enabled, boolean locked) {
        return of(username, passwordHash, officer, enabled, locked, false, 0);
    }

    public static SignedInOfficer of(
            String username,
            String passwordHash,
            OfficerView officer,
            boolean enabled,
            boolean locked,
            boolean mustChangePassword,
            int sessionEpoch) {
        return of(username, passwordHash, officer, enabled, locked, mustChangePassword, sessionEpoch, false);
    }

    public static SignedInOfficer of(
            String username,
            String passwordHash,
            OfficerView officer,
            boolean enabled,
            boolean locked,
            boolean mustChangePassword,
            int sessionEpoch,
            boolean hasSecondFactor) {
        return new SignedInOfficer(
                username,
                passwordHash,
                officer.id(),
                officer.fullName(),
                officer.role(),
                officer.unitCode(),
                officer.unitName(),
                officer.provinceCode(),
                enabled,
                locked,
                mustChangePassword,
                sessionEpoch,
                hasSecondFactor);
    }
}
