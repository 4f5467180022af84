package vn.binhyen.accounts.internal;

import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.binhyen.accounts.OfficerAccountChanged;
import vn.binhyen.accounts.OfficerAccountChanged.Change;
import vn.binhyen.accounts.OfficerRoleChanged;
import vn.binhyen.accounts.SignedInOfficer;

/**
 * An officer who leaves, whose password was reset or changed, or whose role changed is signed out everywhere: a
 * changed password also ends a session left open on another computer, and a new role must not wait for the next
 * sign-in. The change moves the sign-in's epoch on in its own transaction, which every node reads before serving a
 * session ({@link EpochCheckedSessionRegistry}); once it commits, this node ends the officer's sessions at once. Their
 * next request goes to the sign-in page ({@code /login?expired}).
 */
@Component
class OfficerSessions {

    private static final Logger log = LoggerFactory.getLogger(OfficerSessions.class);
    private static final Set<Change> END_SESSIONS =
            EnumSet.of(Change.DEACTIVATED, Change.PASSWORD_RESET, Change.PASSWORD_CHANGED);

    private final SessionRegistry sessions;
    private final SessionEpochs epochs;

    OfficerSessions(SessionRegistry sessions, SessionEpochs epochs) {
        this.sessions = sessions;
        this.epochs = epochs;
    }

    @EventListener
    void accountChanging(OfficerAccountChanged change) {
        if (END_SESSIONS.contains(change.change())) {
            epochs.moveOn(change.officerId());
        }
    }

    @EventListener
    void roleChanging(OfficerRoleChanged change) {
        epochs.moveOn(change.officerId());
    }

    @TransactionalEventListener
    void accountChanged(OfficerAccountChanged change) {
        if (END_SESSIONS.contains(change.change())) {
            endSessions(change.officerId(), change.change().name());
        }
    }

    @TransactionalEventListener
    void roleChanged(OfficerRoleChanged change) {
        endSessions(change.officerId(), "ROLE " + change.to());
    }

    private void endSessions(long officerId, String why) {
        epochs.forget(officerId);
        int ended = 0;
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof SignedInOfficer officer && officer.officerId() == officerId) {
                for (var session : sessions.getAllSessions(principal, false)) {
                    session.expireNow();
                    ended++;
                }
            }
        }
        log.info("{} open sessions of officer {} ended on this node ({})", ended, officerId, why);
    }
}
