package vn.binhyen.incidents.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.binhyen.incidents.AlertZaloStateChanged;

/** Keeps each alert's Zalo state as the channel reports it; a late "queued" never overwrites "sent" or "failed". */
@Component
class AlertZaloStates {

    private final JdbcClient jdbc;

    AlertZaloStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(AlertZaloStateChanged change) {
        if (!change.state().matches("QUEUED|SENT|FAILED")) {
            return;
        }
        jdbc.sql("""
                        UPDATE incidents.alerts SET zalo_state = ?
                         WHERE incident_id = ? AND officer_id = ?
                           AND NOT (? = 'QUEUED' AND zalo_state IN ('SENT', 'FAILED'))
                        """)
                .params(change.state(), change.incidentId(), change.officerId(), change.state())
                .update();
    }
}
