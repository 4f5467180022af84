package vn.binhyen.accounts.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistryImpl;
import vn.binhyen.accounts.SignedInOfficer;

/**
 * This node's sessions, each served only while its sign-in's epoch has not moved on. Spring Security's
 * {@code ConcurrentSessionFilter} asks for the session on every request; a session found behind is expired there and
 * then, so the filter signs it out and sends the officer to {@code /login?expired}, whichever node made the change.
 */
class EpochCheckedSessionRegistry extends SessionRegistryImpl {

    private final SessionEpochs epochs;

    EpochCheckedSessionRegistry(SessionEpochs epochs) {
        this.epochs = epochs;
    }

    @Override
    public @Nullable SessionInformation getSessionInformation(String sessionId) {
        SessionInformation session = super.getSessionInformation(sessionId);
        if (session != null
                && !session.isExpired()
                && session.getPrincipal() instanceof SignedInOfficer officer
                && epochs.isBehind(officer.officerId(), officer.sessionEpoch())) {
            session.expireNow();
        }
        return session;
    }
}
