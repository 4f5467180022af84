package vn.binhyen.incidents;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Requests for assistance (witnesses) as the delivery side sees them: the incidents console records a request with its
 * limits checked (case reference, time window, at most 5 villages of the commune, no lawful gathering) as NOT_SENT;
 * the bulletins module takes it over, and reports where it went and the residents' replies.
 */
@Service
public class AssistanceRequests {

    /** Where a request stands on its way to residents. */
    public enum Delivery {
        NOT_SENT,
        /** A bulletin waits for the commune chief's approval. */
        PENDING,
        /** The bulletin went out. */
        SENT,
        /** The chief refused it, or it could not be made into a bulletin. */
        REFUSED
    }

    public record Request(
            long id,
            long incidentId,
            String communeCode,
            String caseReference,
            Instant windowFrom,
            Instant windowTo,
            List<Long> villageIds,
            String body,
            long officerId) {}

    private final JdbcClient jdbc;

    AssistanceRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Requests not handed over yet, locked until the caller's transaction ends (other nodes take others). */
    public List<Request> claimNotSent(int limit) {
        return jdbc.sql("""
                        SELECT id, incident_id, commune_code, case_reference, window_from, window_to, village_ids, body,
                               created_by
                          FROM incidents.assistance_requests WHERE delivery = 'NOT_SENT'
                         ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED
                        """)
                .param(limit)
                .query((rs, row) -> {
                    Array villages = rs.getArray("village_ids");
                    return new Request(
                            rs.getLong("id"),
                            rs.getLong("incident_id"),
                            rs.getString("commune_code"),
                            rs.getString("case_reference"),
                            rs.getTimestamp("window_from").toInstant(),
                            rs.getTimestamp("window_to").toInstant(),
                            Arrays.stream((Long[]) villages.getArray()).toList(),
                            rs.getString("body"),
                            rs.getLong("created_by"));
                })
                .list();
    }

    public void delivery(long requestId, Delivery delivery) {
        jdbc.sql("UPDATE incidents.assistance_requests SET delivery = ? WHERE id = ?")
                .params(delivery.name(), requestId)
                .update();
    }

    /** A resident answered the request: noted on the incident's timeline with the conversation to open. */
    public void replied(long requestId, long threadId, Instant at) {
        jdbc.sql("""
                        INSERT INTO incidents.actions (incident_id, kind, note, at)
                        SELECT incident_id, 'NOTE', ?, ? FROM incidents.assistance_requests WHERE id = ?
                        """)
                .params(
                        "Người dân trả lời đề nghị cung cấp thông tin: hội thoại #" + threadId,
                        Timestamp.from(at),
                        requestId)
                .update();
    }
}
