package vn.binhyen.incidents.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.DutyRoster;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.directory.OfficerView;
import vn.binhyen.incidents.UrgentAlertRaised;

/**
 * Keeps an incident's figures true to its signals: severity, categories, place, stated time, mentions; and raises the
 * urgent alert when the severity first reaches the unit's threshold. Every write path (a new signal, a merge, a
 * split) ends here.
 */
@Component
public class IncidentLedger {

    /** A signal as grouping and severity need it. */
    public record SignalRow(
            long id,
            String source,
            String sourceKey,
            String communeCode,
            @Nullable Long villageId,
            @Nullable Double latitude,
            @Nullable Double longitude,
            @Nullable String placeName,
            String placeBasis,
            String text,
            String folded,
            List<String> terms,
            List<String> categories,
            double score,
            boolean urgent,
            Instant sentAt,
            @Nullable Instant eventAt) {}

    static final String SIGNAL_COLUMNS = """
            s.id, s.source, s.source_key, s.commune_code, s.village_id, s.latitude, s.longitude, s.place_name,
            s.place_basis, s.text, s.folded, s.terms, s.categories, s.score::float8 AS score, s.urgent, s.sent_at,
            s.event_at""";

    /** Severity parts, each one explainable to the officer. */
    public record Severity(double terms, double sources, double imminence, double urgent) {
        public double total() {
            return Math.round((terms + sources + imminence + urgent) * 10) / 10.0;
        }
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final DutyRoster roster;
    private final UnitSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IncidentLedger(
            JdbcClient jdbc,
            Directory directory,
            DutyRoster roster,
            UnitSettings settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.roster = roster;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    public List<SignalRow> signalsOf(long incidentId) {
        return jdbc.sql("SELECT " + SIGNAL_COLUMNS
                        + " FROM incidents.signals s WHERE s.incident_id = ? ORDER BY s.sent_at, s.id LIMIT 500")
                .param(incidentId)
                .query(IncidentLedger::signal)
                .list();
    }

    /**
     * The signals of several incidents in one round trip (as {@link #signalsOf(long)} each: in time order, at most 500),
     * keyed by incident, in the order of {@code incidentIds}. Grouping runs under the commune's lock, so every round
     * trip there is time every other signal of the commune waits.
     */
    public Map<Long, List<SignalRow>> signalsOf(List<Long> incidentIds) {
        Map<Long, List<SignalRow>> result = new LinkedHashMap<>();
        if (incidentIds.isEmpty()) {
            return result;
        }
        incidentIds.forEach(id -> result.put(id, new ArrayList<>()));
        String ids =
                "{" + String.join(",", incidentIds.stream().map(String::valueOf).toList()) + "}";
        jdbc.sql("SELECT c.incident_id AS candidate, " + SIGNAL_COLUMNS
                        + " FROM unnest(CAST(? AS bigint[])) AS c(incident_id)"
                        + " CROSS JOIN LATERAL (SELECT * FROM incidents.signals s WHERE s.incident_id = c.incident_id"
                        + " ORDER BY s.sent_at, s.id LIMIT 500) s ORDER BY s.sent_at, s.id")
                .param(ids)
                .query((rs, n) -> {
                    result.get(rs.getLong("candidate")).add(signal(rs, n));
                    return null;
                })
                .list();
        return result;
    }

    /**
     * Severity: each signal's watch-term weight (at most 8, so one long message cannot alert alone), 2 for every
     * further independent source (at most 8), 4 when the stated time is within 6 hours of now (2 within a day), 2 when
     * a resident marked a tip urgent.
     */
    public static Severity severity(List<SignalRow> signals, Instant now) {
        double terms = 0;
        Set<String> sources = new LinkedHashSet<>();
        boolean urgent = false;
        Instant eventAt = eventTime(signals, now);
        for (SignalRow s : signals) {
            terms += Math.min(8, s.score());
            sources.add(s.sourceKey());
            urgent |= s.urgent();
        }
        double corroboration = Math.min(8, 2.0 * Math.max(0, sources.size() - 1));
        double imminence = 0;
        if (eventAt != null) {
            long minutes = Math.abs(Duration.between(now, eventAt).toMinutes());
            imminence = minutes <= 360 ? 4 : minutes <= 1440 ? 2 : 0;
        }
        return new Severity(terms, corroboration, imminence, urgent ? 2 : 0);
    }

    /** The stated time most signals point at: the earliest one not more than two hours past. */
    static @Nullable Instant eventTime(List<SignalRow> signals, Instant now) {
        return signals.stream()
                .map(SignalRow::eventAt)
                .filter(t -> t != null && t.isAfter(now.minus(Duration.ofHours(2))))
                .min(Comparator.naturalOrder())
                .orElseGet(() -> signals.stream()
                        .map(SignalRow::eventAt)
                        .filter(t -> t != null)
                        .max(Comparator.naturalOrder())
                        .orElse(null));
    }

    /** Recomputes the incident from its signals, closes it as merged when none are left, and alerts if due. */
    public void recompute(long incidentId) {
        Instant now = clock.instant();
        List<SignalRow> signals = signalsOf(incidentId);
        if (signals.isEmpty()) {
            jdbc.sql("UPDATE incidents.incidents SET signal_count = 0, source_count = 0, severity = 0 WHERE id = ?")
                    .param(incidentId)
                    .update();
            return;
        }
        Severity severity = severity(signals, now);
        Set<String> categories = new TreeSet<>();
        Set<String> sources = new LinkedHashSet<>();
        Map<Long, Integer> villages = new HashMap<>();
        double latSum = 0;
        double lonSum = 0;
        int located = 0;
        for (SignalRow s : signals) {
            categories.addAll(s.categories());
            sources.add(s.sourceKey());
            if (s.villageId() != null) {
                villages.merge(s.villageId(), 1, Integer::sum);
            }
            if (s.latitude() != null && s.longitude() != null) {
                latSum += s.latitude();
                lonSum += s.longitude();
                located++;
            }
        }
        // The incident is named after the landmark the signals mention, else the first place any signal has.
        String title = signals.stream()
                .filter(s -> "LANDMARK".equals(s.placeBasis()) && s.placeName() != null)
                .map(SignalRow::placeName)
                .findFirst()
                .orElseGet(() -> signals.stream()
                        .map(SignalRow::placeName)
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse(null));
        Long village = villages.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(null);
        jdbc.sql("""
                        UPDATE incidents.incidents
                           SET severity = :severity, categories = :categories::text[], signal_count = :count,
                               source_count = :sources, village_id = :village, latitude = :lat, longitude = :lon,
                               title = :title, first_signal_at = :first, last_signal_at = :last, event_at = :eventAt
                         WHERE id = :id
                        """)
                .param("severity", severity.total())
                .param("categories", "{" + String.join(",", categories) + "}")
                .param("count", signals.size())
                .param("sources", sources.size())
                .param("village", village)
                .param("lat", located == 0 ? null : latSum / located)
                .param("lon", located == 0 ? null : lonSum / located)
                .param("title", title == null ? "" : title)
                .param("first", Timestamp.from(signals.getFirst().sentAt()))
                .param(
                        "last",
                        Timestamp.from(signals.stream()
                                .map(SignalRow::sentAt)
                                .max(Comparator.naturalOrder())
                                .orElseThrow()))
                .param("eventAt", timestamp(eventTime(signals, now)))
                .param("id", incidentId)
                .update();
        alertIfDue(incidentId, severity.total(), now);
    }

    /** Adds the places and people a signal names to its incident. */
    public void addMentions(long incidentId, List<String> places, List<String> people) {
        for (String place : places) {
            mention(incidentId, "PLACE", place);
        }
        for (String person : people) {
            mention(incidentId, "PERSON", person);
        }
    }

    private void mention(long incidentId, String kind, String name) {
        jdbc.sql("""
                        INSERT INTO incidents.mentions (incident_id, kind, name) VALUES (?, ?, ?)
                        ON CONFLICT (incident_id, kind, name) DO UPDATE SET times = incidents.mentions.times + 1
                        """).params(incidentId, kind, name).update();
    }

    private void alertIfDue(long incidentId, double severity, Instant now) {
        var row = jdbc.sql("""
                        SELECT province_code, commune_code, village_id, title, alerted_at IS NOT NULL AS alerted,
                               status, owner_officer_id
                          FROM incidents.incidents WHERE id = ?
                        """)
                .param(incidentId)
                .query((rs, n) -> new Object[] {
                    rs.getString(1),
                    rs.getString(2),
                    rs.getObject(3, Long.class),
                    rs.getString(4),
                    rs.getBoolean(5),
                    rs.getString(6),
                    rs.getObject(7, Long.class)
                })
                .single();
        String province = (String) row[0];
        String commune = (String) row[1];
        Long village = (Long) row[2];
        if ((Boolean) row[4]
                || !"OPEN".equals(row[5])
                || severity < settings.of(commune).alertThreshold()) {
            return;
        }
        List<Long> officers = onDuty(commune, village, now);
        jdbc.sql("UPDATE incidents.incidents SET alerted_at = ?, owner_officer_id = coalesce(owner_officer_id, ?)"
                        + " WHERE id = ?")
                .params(Timestamp.from(now), officers.isEmpty() ? null : officers.getFirst(), incidentId)
                .update();
        for (Long officer : officers) {
            jdbc.sql("""
                            INSERT INTO incidents.alerts (incident_id, officer_id, severity, created_at, zalo_state)
                            VALUES (?, ?, ?, ?, 'NOT_AVAILABLE') ON CONFLICT (incident_id, officer_id) DO NOTHING
                            """)
                    .params(incidentId, officer, severity, Timestamp.from(now))
                    .update();
        }
        events.publishEvent(new UrgentAlertRaised(
                incidentId, province, commune, village, (String) row[3], severity, List.copyOf(officers), now));
    }

    /**
     * The officers to alert for a place at an instant: the area officer of the village first (they own the incident),
     * then everyone whose duty shift covers that instant for the whole commune or that village. When the roster has
     * nobody on duty, the commune chief stands in (without a village, the chief and the commune staff), so an alert
     * never goes to nobody.
     */
    List<Long> onDuty(String communeCode, @Nullable Long villageId, Instant at) {
        Set<Long> officers = new LinkedHashSet<>();
        if (villageId != null) {
            directory.areaOfficerOf(villageId).map(OfficerView::id).ifPresent(officers::add);
        }
        List<Long> rostered = roster.officersOnDuty(communeCode, villageId, at);
        officers.addAll(rostered);
        if (rostered.isEmpty()) {
            for (OfficerView o : directory.officersOf(communeCode)) {
                if (o.role() == OfficerRole.COMMUNE_CHIEF
                        || (villageId == null && o.role() == OfficerRole.COMMUNE_STAFF)) {
                    officers.add(o.id());
                }
            }
        }
        return List.copyOf(officers);
    }

    static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static SignalRow signal(ResultSet rs, int row) throws SQLException {
        return new SignalRow(
                rs.getLong("id"),
                rs.getString("source"),
                rs.getString("source_key"),
                rs.getString("commune_code"),
                rs.getObject("village_id", Long.class),
                rs.getObject("latitude", Double.class),
                rs.getObject("longitude", Double.class),
                rs.getString("place_name"),
                rs.getString("place_basis"),
                rs.getString("text"),
                rs.getString("folded"),
                strings(rs.getArray("terms")),
                strings(rs.getArray("categories")),
                rs.getDouble("score"),
                rs.getBoolean("urgent"),
                rs.getTimestamp("sent_at").toInstant(),
                rs.getTimestamp("event_at") == null
                        ? null
                        : rs.getTimestamp("event_at").toInstant());
    }

    static List<String> strings(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }
}
