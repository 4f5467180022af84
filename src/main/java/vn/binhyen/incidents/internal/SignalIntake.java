package vn.binhyen.incidents.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.incidents.WatchCategory;
import vn.binhyen.incidents.internal.IncidentLedger.SignalRow;
import vn.binhyen.incidents.internal.Places.Resolved;
import vn.binhyen.incidents.internal.UnitSettings.Settings;
import vn.binhyen.shared.text.VietnameseText;

/**
 * Records a signal and groups it: with the open incident of the same event if there is one (same or neighbouring
 * place, within the unit's time window, and either a shared watch category or alike wording), otherwise a new
 * incident when it matches a watch term. Every automatic link stores why it was made. Signals of one commune with
 * watch terms are grouped one at a time (a transaction-scoped advisory lock), so two messages about one event arriving
 * together cannot open two incidents.
 */
@Component
public class SignalIntake {

    /** Why a signal joins an incident, in a compact form the pages turn into a sentence. */
    record Link(long incidentId, double strength, String reason) {}

    private final JdbcClient jdbc;
    private final WatchTerms terms;
    private final Places places;
    private final UnitSettings settings;
    private final IncidentLedger ledger;
    private final IncidentsProperties properties;
    private final Clock clock;

    SignalIntake(
            JdbcClient jdbc,
            WatchTerms terms,
            Places places,
            UnitSettings settings,
            IncidentLedger ledger,
            IncidentsProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.terms = terms;
        this.places = places;
        this.settings = settings;
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return the incident the signal joined or opened, if any (empty for a duplicate or an unlinked signal) */
    @Transactional
    public @Nullable Long ingest(NewSignal signal) {
        long started = System.nanoTime();
        Settings unit = settings.of(signal.communeCode());
        if (!unit.watching()) {
            return null;
        }
        String folded = VietnameseText.fold(signal.text());
        WatchTerms.Match match = terms.match(signal.communeCode(), folded);
        Set<String> categories = new TreeSet<>();
        match.categories().forEach(c -> categories.add(c.name()));
        double score = match.score();
        if (signal.categoryHint() != null && signal.categoryHint() != WatchCategory.OTHER) {
            categories.add(signal.categoryHint().name());
            score += 2;
        }
        Resolved place = places.resolve(
                signal.communeCode(),
                signal.villageId(),
                signal.latitude(),
                signal.longitude(),
                signal.groupRef(),
                signal.placeText(),
                folded);
        Instant eventAt =
                signal.statedEventAt() != null ? signal.statedEventAt() : SignalText.eventTime(folded, signal.sentAt());
        String searchable =
                signal.placeText() == null ? folded : folded + " " + VietnameseText.fold(signal.placeText());

        // The lock keeps two signals of one event that arrive together from opening two incidents. Only a signal
        // with watch terms can open one; chatter can only join, so it does not queue behind the commune's other
        // signals (most group traffic is chatter). Chatter arriving in the very instant its incident is opened may
        // miss it: it is kept as a signal all the same, and an officer can still link it.
        if (score > 0) {
            long beforeLock = System.nanoTime();
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))")
                    .param("incidents:" + signal.communeCode())
                    .query((rs, n) -> 1)
                    .list();
            // Waiting for the commune's lock is queueing, not grouping work: leave it out of the figure.
            started += System.nanoTime() - beforeLock;
        }
        // A redelivered signal must not open a second incident, so one that could open an incident looks for its
        // first copy under the lock. Chatter cannot open one: the insert's ON CONFLICT below is its duplicate check.
        if (score > 0 && recorded(signal)) {
            return null;
        }
        var candidate = new SignalRow(
                0,
                signal.source().name(),
                signal.sourceKey(),
                signal.communeCode(),
                place.villageId(),
                place.latitude(),
                place.longitude(),
                place.placeName(),
                place.basis().name(),
                signal.text(),
                searchable,
                match.terms(),
                List.copyOf(categories),
                score,
                signal.urgent(),
                signal.sentAt(),
                eventAt);
        Link link = bestLink(candidate, unit);
        Long incidentId = link == null ? null : link.incidentId();
        String reason = link == null ? null : link.reason();
        if (incidentId == null && score > 0) {
            incidentId = open(signal, place);
            reason = "NEW|K=" + String.join(",", categories) + "|W=" + String.join(",", match.terms());
        }
        int micros = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1000);
        int inserted = jdbc.sql("""
                        INSERT INTO incidents.signals (source, source_ref, source_key, province_code, commune_code,
                            village_id, latitude, longitude, place_name, place_basis, text, folded, terms, categories,
                            score, urgent, sent_at, event_at, incident_id, link_reason, grouping_micros, recorded_at)
                        VALUES (:source, :ref, :key, :province, :commune, :village, :lat, :lon, :placeName, :basis,
                            :text, :folded, :terms::text[], :categories::text[], :score, :urgent, :sentAt, :eventAt,
                            :incident, :reason, :micros, :recordedAt)
                        ON CONFLICT (source, source_ref) DO NOTHING
                        """)
                .param("source", signal.source().name())
                .param("ref", signal.sourceRef())
                .param("key", signal.sourceKey())
                .param("province", signal.provinceCode())
                .param("commune", signal.communeCode())
                .param("village", place.villageId())
                .param("lat", place.latitude())
                .param("lon", place.longitude())
                .param("placeName", place.placeName())
                .param("basis", place.basis().name())
                .param("text", signal.text())
                .param("folded", searchable)
                .param("terms", array(match.terms()))
                .param("categories", array(categories))
                .param("score", score)
                .param("urgent", signal.urgent())
                .param("sentAt", Timestamp.from(signal.sentAt()))
                .param("eventAt", IncidentLedger.timestamp(eventAt))
                .param("incident", incidentId)
                .param("reason", reason)
                .param("micros", micros)
                .param("recordedAt", Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            // The same event delivered twice at once (chatter is not serialized): the other copy recorded it.
            return null;
        }
        if (incidentId != null) {
            ledger.addMentions(incidentId, place.mentioned(), SignalText.people(signal.text()));
            ledger.recompute(incidentId);
        }
        return incidentId;
    }

    private boolean recorded(NewSignal signal) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM incidents.signals WHERE source = ? AND source_ref = ?)")
                .params(signal.source().name(), signal.sourceRef())
                .query(Boolean.class)
                .single();
    }

    /**
     * Open incidents in the signal's time window, in its commune or around its place: up to twenty, latest first. Two
     * parts, each read newest first from its own index and no further than twenty (an OR of the two would read every
     * open incident of the commune to sort them).
     */
    private static final String CANDIDATES = """
            SELECT id FROM (
                (SELECT id, last_signal_at FROM incidents.incidents
                  WHERE status = 'OPEN' AND commune_code = :commune
                    AND last_signal_at >= :from AND first_signal_at <= :to
                  ORDER BY last_signal_at DESC LIMIT 20)
                UNION
                (SELECT id, last_signal_at FROM incidents.incidents
                  WHERE status = 'OPEN'
                    AND latitude BETWEEN CAST(:lat AS float8) - :dLat AND CAST(:lat AS float8) + :dLat
                    AND longitude BETWEEN CAST(:lon AS float8) - :dLon AND CAST(:lon AS float8) + :dLon
                    AND last_signal_at >= :from AND first_signal_at <= :to
                  ORDER BY last_signal_at DESC LIMIT 20)) c
             ORDER BY last_signal_at DESC LIMIT 20
            """;

    /**
     * For chatter, first the incidents that have a signal from the same village, the same group or within the radius,
     * found from that place through the linked signals' own indexes (starting from the commune's open incidents read
     * every signal of every one of them: 1,300 rows per message in a busy commune). Only the place's signals of the
     * last week count (a month of past incidents in one village is otherwise read for every message): an incident
     * still open whose only signal from this place is older than that is linked by hand.
     */
    private static final String PLACE_INCIDENTS = """
            SELECT incident_id FROM incidents.signals
             WHERE incident_id IS NOT NULL AND village_id = CAST(:village AS bigint)
               AND sent_at >= CAST(:from AS timestamptz) - INTERVAL '7 days'
            UNION
            SELECT incident_id FROM incidents.signals
             WHERE incident_id IS NOT NULL AND source_key = :sourceKey AND :source <> 'TIP'
               AND sent_at >= CAST(:from AS timestamptz) - INTERVAL '7 days'
            UNION
            SELECT incident_id FROM incidents.signals
             WHERE incident_id IS NOT NULL
               AND sent_at >= CAST(:from AS timestamptz) - INTERVAL '7 days'
               AND latitude BETWEEN CAST(:lat AS float8) - :dLat AND CAST(:lat AS float8) + :dLat
               AND longitude BETWEEN CAST(:lon AS float8) - :dLon AND CAST(:lon AS float8) + :dLon
            """;

    /**
     * Then those of them still open, read by key only. Any other condition in the statement lets the planner read
     * the commune's open incidents instead, from their partial index; its statistics count the open incidents of the
     * last analysis, none after a quiet night, so a burst that opens hundreds finds the planner still choosing that
     * index (2,800 rows per message measured). The window is checked here.
     */
    private static final String PLACE_INCIDENTS_STATE = """
            SELECT id, status = 'OPEN' AS open, first_signal_at, last_signal_at FROM incidents.incidents
             WHERE id = ANY(CAST(:placeIncidents AS bigint[]))
            """;

    /**
     * The open incident this signal most likely belongs to, with the reasons, or null. A signal without watch terms
     * (most group chatter) can only join an incident it shares a strong place with (the village, the same group, or
     * within the radius; see {@link #evaluate}), so only such incidents are fetched for it: chatter in a busy commune
     * then costs one query (and a second, by key, when its place has incidents of the last week) instead of reading up
     * to twenty incidents' signals.
     */
    @Nullable
    Link bestLink(SignalRow signal, Settings unit) {
        Duration window = unit.window();
        double radius = unit.radiusMeters();
        // The box around the signal holds the radius's circle with a margin: the exact distance is checked later.
        double latDelta = radius * 1.1 / 111_000.0;
        Double lat = signal.latitude();
        Double lon = signal.longitude();
        double lonDelta = lat == null ? 0 : radius * 1.1 / (111_000.0 * Math.max(0.2, Math.cos(Math.toRadians(lat))));
        Map<String, Object> params = new HashMap<>();
        params.put("from", Timestamp.from(signal.sentAt().minus(window)));
        params.put("to", Timestamp.from(signal.sentAt().plus(window)));
        params.put("commune", signal.communeCode());
        params.put("lat", lat);
        params.put("lon", lon);
        params.put("dLat", latDelta);
        params.put("dLon", lonDelta);
        params.put("village", signal.villageId());
        params.put("sourceKey", signal.sourceKey());
        params.put("source", signal.source());
        List<Long> candidates = signal.score() <= 0
                ? chatterCandidates(
                        params, signal.sentAt().minus(window), signal.sentAt().plus(window))
                : jdbc.sql(CANDIDATES).params(params).query(Long.class).list();
        Link best = null;
        for (var incident : ledger.signalsOf(candidates).entrySet()) {
            Link link = evaluate(signal, incident.getKey(), incident.getValue(), unit);
            if (link != null && (best == null || link.strength() > best.strength())) {
                best = link;
            }
        }
        return best;
    }

    /** The open incidents in the window that chatter shares a place with: up to twenty, latest first. */
    private List<Long> chatterCandidates(Map<String, Object> params, Instant from, Instant to) {
        List<Long> placeIncidents =
                jdbc.sql(PLACE_INCIDENTS).params(params).query(Long.class).list();
        if (placeIncidents.isEmpty()) {
            return List.of(); // most chatter: no incident has a signal of the last week from its place
        }
        record State(long id, boolean open, Instant first, Instant last) {}
        String ids = "{"
                + String.join(",", placeIncidents.stream().map(String::valueOf).toList()) + "}";
        return jdbc
                .sql(PLACE_INCIDENTS_STATE)
                .param("placeIncidents", ids)
                .query((rs, n) -> new State(
                        rs.getLong("id"),
                        rs.getBoolean("open"),
                        rs.getTimestamp("first_signal_at").toInstant(),
                        rs.getTimestamp("last_signal_at").toInstant()))
                .list()
                .stream()
                .filter(i -> i.open() && !i.last().isBefore(from) && !i.first().isAfter(to))
                .sorted(Comparator.comparing(State::last).reversed())
                .limit(20)
                .map(State::id)
                .toList();
    }

    /** Whether the signal is about the same event as the incident's signals, and why. */
    @Nullable
    Link evaluate(SignalRow signal, long incidentId, List<SignalRow> incident, Settings unit) {
        if (incident.isEmpty()) {
            return null;
        }
        // Place: the strongest relation to any of the incident's signals.
        String place = null;
        boolean strong = false;
        double nearest = Double.MAX_VALUE;
        for (SignalRow other : incident) {
            if (signal.villageId() != null && signal.villageId().equals(other.villageId())) {
                place = "VILLAGE:" + nullToEmpty(signal.placeName());
                strong = true;
                break;
            }
            if (signal.sourceKey().equals(other.sourceKey()) && !"TIP".equals(signal.source())) {
                place = "SOURCE";
                strong = true;
            }
            if (signal.latitude() != null && other.latitude() != null && other.longitude() != null) {
                double d = Places.meters(signal.latitude(), signal.longitude(), other.latitude(), other.longitude());
                nearest = Math.min(nearest, d);
            }
        }
        if (!strong && nearest <= unit.radiusMeters()) {
            place = "NEAR:" + Math.round(nearest);
            strong = true;
        }
        boolean signalVague = "COMMUNE".equals(signal.placeBasis());
        boolean incidentVague = incident.stream().allMatch(s -> "COMMUNE".equals(s.placeBasis()));
        boolean sameCommune = incident.stream().anyMatch(s -> s.communeCode().equals(signal.communeCode()));
        if (place == null && sameCommune && (signalVague || incidentVague)) {
            place = "COMMUNE";
        }
        if (place == null) {
            return null;
        }
        // Time: within the window of the incident's signals, and not a different stated time.
        Instant last =
                incident.stream().map(SignalRow::sentAt).max(Instant::compareTo).orElseThrow();
        Instant first =
                incident.stream().map(SignalRow::sentAt).min(Instant::compareTo).orElseThrow();
        if (signal.sentAt().isAfter(last.plus(unit.window())) || signal.sentAt().isBefore(first.minus(unit.window()))) {
            return null;
        }
        Instant stated = IncidentLedger.eventTime(incident, signal.sentAt());
        if (signal.eventAt() != null
                && stated != null
                && Duration.between(signal.eventAt(), stated).abs().compareTo(Duration.ofHours(6)) > 0) {
            return null;
        }
        long minutes = Duration.between(last, signal.sentAt()).abs().toMinutes();
        // Text: a shared watch category, and how much of the wording the incident already has.
        Set<String> shared = new TreeSet<>(families(signal.categories()));
        Set<String> incidentCategories = new HashSet<>();
        Set<String> incidentWords = new HashSet<>();
        for (SignalRow other : incident) {
            incidentCategories.addAll(other.categories());
            incidentWords.addAll(SignalText.shingles(other.folded()));
        }
        shared.retainAll(families(List.copyOf(incidentCategories)));
        double similarity = SignalText.containment(SignalText.shingles(signal.folded()), incidentWords);
        double threshold = properties.similarity();
        boolean linked;
        if (signal.score() <= 0) {
            linked = strong && similarity >= threshold;
        } else if (strong) {
            linked = !shared.isEmpty() || similarity >= threshold;
        } else {
            linked = !shared.isEmpty() && similarity >= threshold / 2;
        }
        if (!linked) {
            return null;
        }
        double strength = similarity
                + (shared.isEmpty() ? 0 : 0.5)
                + (strong ? 0.5 : 0)
                - (double) minutes / Math.max(1, unit.window().toMinutes());
        String reason = "P=" + place + "|T=" + minutes + "|C=" + String.join(",", shared) + "|S="
                + Math.round(similarity * 100);
        return new Link(incidentId, strength, reason);
    }

    private long open(NewSignal signal, Resolved place) {
        Timestamp at = Timestamp.from(signal.sentAt());
        return jdbc.sql("""
                        INSERT INTO incidents.incidents (province_code, commune_code, village_id, latitude, longitude,
                            title, first_signal_at, last_signal_at, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                        """)
                .params(
                        signal.provinceCode(),
                        signal.communeCode(),
                        place.villageId(),
                        place.latitude(),
                        place.longitude(),
                        place.placeName() == null ? "" : place.placeName(),
                        at,
                        at,
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    /** Weapons go with fights: "mang mã tấu" and "hỗn chiến" are one event's words. */
    static Set<String> families(List<String> categories) {
        Set<String> result = new TreeSet<>();
        for (String c : categories) {
            result.add(c.equals("WEAPON") ? "FIGHT" : c);
        }
        return result;
    }

    static String array(Iterable<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String v : values) {
            quoted.add("\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        return "{" + String.join(",", quoted) + "}";
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
