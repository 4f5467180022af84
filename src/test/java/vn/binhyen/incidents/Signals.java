package vn.binhyen.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.binhyen.conversations.ConversationChannel;
import vn.binhyen.conversations.Conversations;
import vn.binhyen.conversations.InboundMessage;
import vn.binhyen.conversations.MessageKind;
import vn.binhyen.conversations.ThreadKind;
import vn.binhyen.reports.NewTip;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.reports.TipChannel;
import vn.binhyen.reports.TipIntake;
import vn.binhyen.support.Fixtures.TestCommune;

/** Scripted signals through the other modules' own APIs, as the Zalo adapter and the portal hand them in. */
final class Signals {

    private final JdbcClient jdbc;
    private final Conversations conversations;
    private final TipIntake tips;

    Signals(JdbcClient jdbc, Conversations conversations, TipIntake tips) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.tips = tips;
    }

    static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100));
    }

    void group(TestCommune commune, String groupRef, String text) {
        conversations.recordInbound(new InboundMessage(
                ConversationChannel.ZALO,
                ThreadKind.GROUP,
                "oa" + commune.code(),
                groupRef,
                commune.provinceCode(),
                commune.code(),
                UUID.randomUUID().toString().substring(0, 20),
                MessageKind.TEXT,
                text,
                null,
                null,
                null,
                "61" + Math.abs(text.hashCode()),
                Instant.now()));
    }

    String tip(TestCommune commune, Long village, TipCategory category, String text) {
        return tips.submit(new NewTip(
                        commune.code(),
                        village,
                        category,
                        text,
                        null,
                        null,
                        null,
                        null,
                        false,
                        null,
                        TipChannel.PORTAL,
                        List.of()))
                .code();
    }

    int signalCount(TestCommune commune) {
        return jdbc.sql("SELECT count(*) FROM incidents.signals WHERE commune_code = ?")
                .param(commune.code())
                .query(Integer.class)
                .single();
    }

    /** Incident ids of the commune's signals, in the order the signals were sent (null: not in an incident). */
    List<Long> incidentsOfSignals(TestCommune commune) {
        return jdbc.sql("SELECT incident_id FROM incidents.signals WHERE commune_code = ? ORDER BY sent_at, id")
                .param(commune.code())
                .query((rs, n) -> rs.getObject(1, Long.class))
                .list();
    }

    List<Long> openIncidents(TestCommune commune) {
        return jdbc.sql("SELECT id FROM incidents.incidents WHERE commune_code = ? AND status = 'OPEN' ORDER BY id")
                .param(commune.code())
                .query(Long.class)
                .list();
    }

    List<Long> alertedOfficers(long incidentId) {
        return jdbc.sql("SELECT officer_id FROM incidents.alerts WHERE incident_id = ? ORDER BY id")
                .param(incidentId)
                .query(Long.class)
                .list();
    }
}
