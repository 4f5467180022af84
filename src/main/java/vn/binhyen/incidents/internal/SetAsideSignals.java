package vn.binhyen.incidents.internal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.incidents.IncidentActionException;

/**
 * Signals grouping gave up on after every attempt (decision 0010): they are kept, never dropped, and the unit's board
 * says how many there are, so a tip or a warning message that could not be grouped is not silently missing from early
 * warning. The commune's officers put them back in line once the cause is mended.
 */
@Service
public class SetAsideSignals {

    private final SignalQueue queue;

    SetAsideSignals(SignalQueue queue) {
        this.queue = queue;
    }

    /** How many the officer's commune (the province, for the province command) has; none for others. */
    @Transactional(readOnly = true)
    public long count(AccessScope scope) {
        return switch (scope.role()) {
            case COMMUNE_CHIEF, COMMUNE_STAFF -> queue.setAside(scope.provinceCode(), scope.unitCode());
            case PROVINCE_COMMAND -> queue.setAside(scope.provinceCode(), null);
            case AREA_OFFICER, ADMINISTRATOR -> 0;
        };
    }

    /** @return how many of the commune's signals were put back in line */
    @Transactional
    public int retry(AccessScope scope) {
        if (scope.role() != OfficerRole.COMMUNE_CHIEF && scope.role() != OfficerRole.COMMUNE_STAFF) {
            throw new IncidentActionException("incidents.error.setAside", "Only a commune unit retries its signals");
        }
        return queue.retrySetAside(scope.unitCode());
    }
}
