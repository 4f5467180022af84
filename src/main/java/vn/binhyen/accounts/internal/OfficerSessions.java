package vn.binhyen.accounts.internal;

import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.binhyen.accounts.OfficerAccountChanged;
import vn.binhyen.accounts.OfficerAccountChanged.Change;
import vn.binhyen.accounts.OfficerRoleChanged;

/**
 * An officer who leaves, whose password was reset or changed, whose lost app was removed, or whose role changed is
 * signed out everywhere: a changed password also ends a session left open on another computer, and a new role must not
 * wait for the next sign-in. The change moves the sign-in's epoch on in its own transaction, which every node reads before serving a
 * session ({@link EpochCheckedSessionRegistry}); once it commits, this node forgets what it knew of the epoch, so its
 * own sessions of the officer end at their next request ({@code /login?expired}) and other nodes' within the recheck.
 */
@Component
class OfficerSessions {

    private static final Logger log = LoggerFactory.getLogger(OfficerSessions.class);
    private static final Set<Change> END_SESSIONS =
            EnumSet.of(Change.DEACTIVATED, Change.PASSWORD_RESET, Change.PASSWORD_CHANGED, Change.SECOND_FACTOR_RESET);

    private final SessionEpochs epochs;

    OfficerSessions(SessionEpochs epochs) {
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

    // After the commit: forgotten earlier, a request in between could read the old epoch again and keep it for 5 s.
    @TransactionalEventListener
    void accountChanged(OfficerAccountChanged change) {
        if (END_SESSIONS.contains(change.change())) {
            ended(change.officerId(), change.change().name());
        }
    }

    @TransactionalEventListener
    void roleChanged(OfficerRoleChanged change) {
        ended(change.officerId(), "ROLE " + change.to());
    }

    private void ended(long officerId, String why) {
        epochs.forget(officerId);
        log.info("Sessions of officer {} ended on every node ({})", officerId, why);
    }
}
