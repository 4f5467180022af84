package vn.binhyen.accounts.internal;

import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.binhyen.accounts.OfficerAccountChanged;
import vn.binhyen.accounts.OfficerAccountChanged.Change;
import vn.binhyen.accounts.SignedInOfficer;

/**
 * An officer who leaves, or whose password was reset or changed, is signed out everywhere on this node once the change
 * commits (a changed password also ends a session left open on another computer):
 * their next request goes to the sign-in page ({@code /login?expired}). Sessions live in each node's memory, so on
 * several nodes the others keep theirs until they time out.
 */
@Component
class OfficerSessions {

    private static final Logger log = LoggerFactory.getLogger(OfficerSessions.class);
    private static final Set<Change> END_SESSIONS =
            EnumSet.of(Change.DEACTIVATED, Change.PASSWORD_RESET, Change.PASSWORD_CHANGED);

    private final SessionRegistry sessions;

    OfficerSessions(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener
    void accountChanged(OfficerAccountChanged change) {
        if (!END_SESSIONS.contains(change.change())) {
            return;
        }
        int ended = 0;
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof SignedInOfficer officer && officer.officerId() == change.officerId()) {
                for (var session : sessions.getAllSessions(principal, false)) {
                    session.expireNow();
                    ended++;
                }
            }
        }
        log.info("{} open sessions of officer {} ended ({})", ended, change.officerId(), change.change());
    }
}
