package vn.binhyen.accounts;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.shared.security.OfficerIdentity;

/** The officer behind a console session. Controllers take it with {@code @AuthenticationPrincipal}. */
public final class SignedInOfficer implements UserDetails, CredentialsContainer, Serializable, OfficerIdentity {

    private final String username;
    private @Nullable String passwordHash;
    private final long officerId;
    private final String fullName;
    private final OfficerRole role;
    private final String unitCode;
    private final String unitName;
    private final String provinceCode;
    private final boolean enabled;
    private final boolean locked;
    private final boolean mustChangePassword;
    private final int sessionEpoch;
    private final boolean hasSecondFactor;

    SignedInOfficer(
            String username,
            String passwordHash,
            long officerId,
            String fullName,
            OfficerRole role,
            String unitCode,
            String unitName,
            String provinceCode,
            boolean enabled,
            boolean locked,
            boolean mustChangePassword,
            int sessionEpoch,
            boolean hasSecondFactor) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.officerId = officerId;
        this.fullName = fullName;
        this.role = role;
        this.unitCode = unitCode;
        this.unitName = unitName;
        this.provinceCode = provinceCode;
        this.enabled = enabled;
        this.locked = locked;
        this.mustChangePassword = mustChangePassword;
        this.sessionEpoch = sessionEpoch;
        this.hasSecondFactor = hasSecondFactor;
    }

    /** The officer added an authenticator app when they signed in: its code is asked after the password. */
    public boolean hasSecondFactor() {
        return hasSecondFactor;
    }

    /**
     * The sign-in's epoch when the officer signed in: a session whose epoch is behind the sign-in's current one was
     * ended by a change on some node (deactivation, a new password, a new role).
     */
    public int sessionEpoch() {
        return sessionEpoch;
    }

    /** Signed in with a password an administrator made: the officer sets their own before anything else. */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Override
    public String roleName() {
        return role.name();
    }

    @Override
    public long officerId() {
        return officerId;
    }

    public String fullName() {
        return fullName;
    }

    public OfficerRole role() {
        return role;
    }

    @Override
    public String unitCode() {
        return unitCode;
    }

    public String unitName() {
        return unitName;
    }

    @Override
    public String provinceCode() {
        return provinceCode;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()), new SimpleGrantedAuthority("ROLE_OFFICER"));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Locked for a while after repeated wrong passwords (SignInLockout): refused before the password is checked. */
    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "SignedInOfficer[" + username + ", " + role + ", " + unitCode + "]";
    }
}
