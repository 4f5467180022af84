package vn.binhyen.incidents.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerView;
import vn.binhyen.directory.VillageView;
import vn.binhyen.incidents.ActionKind;
import vn.binhyen.incidents.IncidentActionException;
import vn.binhyen.incidents.IncidentClosed;
import vn.binhyen.incidents.IncidentNotFoundException;
import vn.binhyen.incidents.IncidentOutcome;
import vn.binhyen.incidents.WatchCategory;
import vn.binhyen.incidents.internal.IncidentViews.ActionView;
import vn.binhyen.incidents.internal.IncidentViews.AssistanceView;
import vn.binhyen.incidents.internal.IncidentViews.Board;
import vn.binhyen.incidents.internal.IncidentViews.Details;
import vn.binhyen.incidents.internal.IncidentViews.HotSpot;
import vn.binhyen.incidents.internal.IncidentViews.Level;
import vn.binhyen.incidents.internal.IncidentViews.LiveAlert;
import vn.binhyen.incidents.internal.IncidentViews.MapPoint;
import vn.binhyen.incidents.internal.IncidentViews.SignalView;
import vn.binhyen.incidents.internal.IncidentViews.Summary;
import vn.binhyen.shared.text.VietnameseText;

/**
 * The console's incident work, every call checked against the officer's scope: the board, an incident's page, the
 * actions officers record, closing, merging and splitting by hand, requests for assistance, and live alerts.
 */
@Service
public class IncidentConsole {

    private static final String SUMMARY_SELECT = """
            SELECT i.id, i.province_code, i.commune_code, i.village_id, i.title, i.categories, i.severity::float8 AS severity,
                   i.signal_count, i.source_count, i.status, i.first_signal_at, i.last_signal_at, i.event_at,
                   i.alerted_at, i.latitude, i.longitude, i.owner_officer_id, i.outcome, i.outcome_note, i.closed_at,
                   i.merged_into
              FROM incidents.incidents i
            """;

    /** Words that mark a lawful gathering; a request for witnesses may not be aimed at one. */
    private static final List<String> LAWFUL_GATHERINGS = List.of(
            "bieu tinh",
            "tuan hanh",
            "mit tinh",
            "hoi hop",
            "le hoi",
            "nha tho",
            "chua",
            "thanh that",
            "le hoi",
            "dam cuoi",
            "dam tang",
            "dam gio",
            "hop to dan pho",
            "hop thon",
            "sinh hoat ton giao",
            "khieu nai",
            "khieu kien",
            "nguoi tham gia",
            "danh sach nguoi");

    static final int MAX_ASSISTANCE_VILLAGES = 5;
    static final Duration MAX_ASSISTANCE_WINDOW = Duration.ofHours(48);
    static final Duration MAX_ASSISTANCE_AGE = Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final Directory directory;
    private final IncidentLedger ledger;
    private final UnitSettings settings;
    private final Places places;
    private final MessageSource messages;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ReadableSignals readableSignals;

    IncidentConsole(
            JdbcClient jdbc,
            Directory directory,
            IncidentLedger ledger,
            UnitSettings settings,
            Places places,
            MessageSource messages,
            Clock clock,
            ApplicationEventPublisher events,
            ReadableSignals readableSignals) {
        this.events = events;
        this.readableSignals = readableSignals;
        this.jdbc = jdbc;
        this.directory = directory;
        this.ledger = ledger;
        this.settings = settings;
        this.places = places;
        this.messages = messages;
        this.clock = clock;
    }

    record ScopeSql(String predicate, Map<String, Object> params) {

        private static final String ALERTED = "EXISTS (SELECT 1 FROM incidents.alerts sa"
                + " WHERE sa.incident_id = i.id AND sa.officer_id = :scopeOfficer)";

        static ScopeSql of(AccessScope scope) {
            return switch (scope.role()) {
                // An officer alerted while on duty outside their villages follows the banner to the incident.
                case AREA_OFFICER ->
                    scope.villageIds().isEmpty()
                            ? new ScopeSql(
                                    "(i.owner_officer_id = :scopeOfficer OR " + ALERTED + ")",
                                    Map.of("scopeOfficer", scope.officerId()))
                            : new ScopeSql(
                                    "(i.village_id IN (:scopeVillages) OR i.owner_officer_id = :scopeOfficer OR "
                                            + ALERTED + ")",
                                    Map.of("scopeVillages", scope.villageIds(), "scopeOfficer", scope.officerId()));
                case COMMUNE_STAFF, COMMUNE_CHIEF ->
                    new ScopeSql("i.commune_code = :scopeCommune", Map.of("scopeCommune", scope.unitCode()));
                case PROVINCE_COMMAND ->
                    new ScopeSql("i.province_code = :scopeProvince", Map.of("scopeProvince", scope.provinceCode()));
                case ADMINISTRATOR -> new ScopeSql("FALSE", Map.of());
            };
        }
    }

    // ---------------------------------------------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public Board board(AccessScope scope) {
        ScopeSql where = ScopeSql.of(scope);
        Instant now = clock.instant();
        List<Summary> open = summaries(
                SUMMARY_SELECT + " WHERE i.status = 'OPEN' AND " + where.predicate()
                        + " ORDER BY i.severity DESC, i.last_signal_at DESC LIMIT 100",
                where.params(),
                Map.of());
        List<Summary> week = summaries(
                SUMMARY_SELECT + " WHERE i.status <> 'MERGED' AND i.latitude IS NOT NULL AND i.first_signal_at >= :from"
                        + " AND " + where.predicate() + " ORDER BY i.first_signal_at DESC LIMIT 500",
                where.params(),
                Map.of("from", Timestamp.from(now.minus(Duration.ofDays(7)))));
        List<MapPoint> points = week.stream()
                .map(s -> new MapPoint(
                        s.id(),
                        title(s),
                        s.latitude(),
                        s.longitude(),
                        s.severity(),
                        s.level().name()))
                .toList();
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("from", Timestamp.from(now.minus(Duration.ofDays(90))));
        var spots = jdbc.sql("""
                        SELECT i.village_id, count(*) AS n, count(*) FILTER (WHERE i.outcome = 'PREVENTED') AS prevented,
                               avg(i.latitude) AS lat, avg(i.longitude) AS lon, min(i.commune_code) AS commune,
                               min(i.title) AS title
                          FROM incidents.incidents i
                         WHERE i.status <> 'MERGED' AND i.first_signal_at >= :from AND\s""" + where.predicate() + """
                         GROUP BY i.village_id ORDER BY n DESC LIMIT 10
                        """)
                .params(params)
                .query((rs, n) -> {
                    Long village = rs.getObject("village_id", Long.class);
                    String name = village == null
                            ? rs.getString("title")
                            : places.village(rs.getString("commune"), village)
                                    .map(VillageView::name)
                                    .orElse(rs.getString("title"));
                    return new HotSpot(
                            village,
                            name == null || name.isBlank() ? "—" : name,
                            rs.getLong("n"),
                            rs.getLong("prevented"),
                            rs.getObject("lat", Double.class),
                            rs.getObject("lon", Double.class));
                })
                .list();
        var outcomes = jdbc.sql("""
                        SELECT count(*) FILTER (WHERE i.outcome = 'PREVENTED'), count(*) FILTER (WHERE i.status = 'CLOSED')
                          FROM incidents.incidents i WHERE i.first_signal_at >= :from AND\s""" + where.predicate())
                .params(params)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        return new Board(open, points, spots, outcomes[0], outcomes[1], threshold(scope));
    }

    @Transactional(readOnly = true)
    public Details details(AccessScope scope, long id) {
        Summary incident = find(scope, id);
        List<IncidentLedger.SignalRow> rows = ledger.signalsOf(id);
        // Signals the officer may not read on their own page are left out, and only counted: what they say (and
        // who sent them) is not shown, but the officer sees there is more and asks the commune, whose officers
        // read them all. The severity stays the incident's, as it decides the alert.
        List<ReadableSignals.Source> sources = sourcesOf(id);
        Set<Long> readable = readableSignals.of(scope, sources);
        int hidden = sources.size() - readable.size();
        List<SignalView> signals = jdbc.sql("""
                        SELECT s.id, s.source, s.source_ref, s.source_key, s.text, s.sent_at, s.place_name, s.place_basis,
                               s.terms, s.score::float8 AS score, s.latitude, s.longitude, s.event_at, s.link_reason
                          FROM incidents.signals s WHERE s.incident_id = :id AND s.id IN (:readable)
                         ORDER BY s.sent_at, s.id
                        """)
                .param("id", id)
                .param("readable", readable.isEmpty() ? Set.of(-1L) : readable)
                .query((rs, n) -> {
                    boolean tip = "TIP".equals(rs.getString("source"))
                            && rs.getString("source_key").matches("tip:[0-9]+");
                    return new SignalView(
                            rs.getLong("id"),
                            rs.getString("source"),
                            rs.getString("text"),
                            rs.getTimestamp("sent_at").toInstant(),
                            rs.getString("place_name"),
                            rs.getString("place_basis"),
                            IncidentLedger.strings(rs.getArray("terms")),
                            rs.getDouble("score"),
                            rs.getObject("latitude", Double.class),
                            rs.getObject("longitude", Double.class),
                            instant(rs, "event_at"),
                            reason(rs.getString("link_reason")),
                            tip ? Long.parseLong(rs.getString("source_key").substring(4)) : null,
                            tip ? rs.getString("source_ref") : null);
                })
                .list();
        var mentions = jdbc.sql(
                        "SELECT kind, name FROM incidents.mentions WHERE incident_id = ? ORDER BY times DESC, name")
                .param(id)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list();
        if (hidden > 0) {
            // People and places are taken from every signal's text: keep those the readable signals name too.
            String shown = " "
                    + VietnameseText.fold(signals.stream()
                            .map(s -> s.text() + " " + (s.placeName() == null ? "" : s.placeName()))
                            .collect(Collectors.joining(" ")))
                    + " ";
            mentions = mentions.stream()
                    .filter(e -> shown.contains(" " + VietnameseText.fold(e.getValue()) + " "))
                    .toList();
        }
        List<ActionView> actions = jdbc.sql("SELECT kind, note, officer_id, at FROM incidents.actions"
                        + " WHERE incident_id = ? ORDER BY at, id")
                .param(id)
                .query((rs, n) -> new ActionView(
                        rs.getString("kind"),
                        rs.getString("note"),
                        officerName(rs.getObject("officer_id", Long.class)),
                        rs.getTimestamp("at").toInstant()))
                .list();
        List<VillageView> villages = places.villages(incident.communeCode());
        Map<Long, String> villageNames =
                villages.stream().collect(Collectors.toMap(VillageView::id, VillageView::name));
        List<AssistanceView> assistance = jdbc.sql("""
                        SELECT id, case_reference, window_from, window_to, village_ids, body, delivery, created_at
                          FROM incidents.assistance_requests WHERE incident_id = ? ORDER BY created_at
                        """)
                .param(id)
                .query((rs, n) -> {
                    List<String> names = new ArrayList<>();
                    for (Long v : (Long[]) rs.getArray("village_ids").getArray()) {
                        names.add(villageNames.getOrDefault(v, "#" + v));
                    }
                    return new AssistanceView(
                            rs.getLong("id"),
                            rs.getString("case_reference"),
                            rs.getTimestamp("window_from").toInstant(),
                            rs.getTimestamp("window_to").toInstant(),
                            names,
                            rs.getString("body"),
                            rs.getString("delivery"),
                            rs.getTimestamp("created_at").toInstant());
                })
                .list();
        ScopeSql where = ScopeSql.of(scope);
        List<Summary> mergeable = incident.open()
                ? summaries(
                        SUMMARY_SELECT + " WHERE i.status = 'OPEN' AND i.id <> :id AND i.commune_code = :commune AND "
                                + where.predicate() + " ORDER BY i.last_signal_at DESC LIMIT 20",
                        where.params(),
                        Map.of("id", id, "commune", incident.communeCode()))
                : List.of();
        return new Details(
                incident,
                IncidentLedger.severity(rows, clock.instant()),
                settings.of(incident.communeCode()).alertThreshold(),
                signals,
                hidden,
                mentions.stream()
                        .filter(e -> e.getKey().equals("PERSON"))
                        .map(Map.Entry::getValue)
                        .toList(),
                mentions.stream()
                        .filter(e -> e.getKey().equals("PLACE"))
                        .map(Map.Entry::getValue)
                        .toList(),
                actions,
                assistance,
                villages,
                mergeable,
                scope.canDecideFor(incident.provinceCode(), incident.communeCode())
                        || scope.role() == vn.binhyen.directory.OfficerRole.COMMUNE_STAFF);
    }

    // ---------------------------------------------------------------------------------------------------- acting

    @Transactional
    public void record(AccessScope scope, long id, ActionKind kind, @Nullable String note) {
        Summary incident = find(scope, id);
        if (!ActionKind.RECORDABLE.contains(kind)) {
            throw new IncidentActionException("incidents.error.action", "Not a recordable action: " + kind);
        }
        requireOpen(incident);
        String text = clean(note, 1000);
        if (kind == ActionKind.NOTE && text == null) {
            throw new IncidentActionException("incidents.error.note", "Empty note");
        }
        action(id, kind, text, scope.officerId());
    }

    @Transactional
    public void close(AccessScope scope, long id, IncidentOutcome outcome, @Nullable String note) {
        Summary incident = find(scope, id);
        requireOpen(incident);
        String text = clean(note, 2000);
        if (text == null) {
            throw new IncidentActionException("incidents.error.outcome", "Closing needs a note");
        }
        Instant closedAt = clock.instant();
        jdbc.sql("""
                        UPDATE incidents.incidents SET status = 'CLOSED', outcome = ?, outcome_note = ?, closed_at = ?,
                            closed_by = ? WHERE id = ? AND status = 'OPEN'
                        """)
                .params(outcome.name(), text, Timestamp.from(closedAt), scope.officerId(), id)
                .update();
        jdbc.sql("UPDATE incidents.alerts SET acknowledged_at = ? WHERE incident_id = ? AND acknowledged_at IS NULL")
                .params(Timestamp.from(clock.instant()), id)
                .update();
        action(id, ActionKind.CLOSED, outcome.name() + ": " + text, scope.officerId());
        events.publishEvent(new IncidentClosed(
                id,
                incident.provinceCode(),
                incident.communeCode(),
                incident.villageId(),
                incident.categories(),
                outcome,
                closedAt));
    }

    /** Moves every signal of {@code otherId} into {@code id}; the other incident is kept, marked as merged. */
    @Transactional
    public void merge(AccessScope scope, long id, long otherId) {
        Summary target = find(scope, id);
        Summary other = find(scope, otherId);
        requireOpen(target);
        requireOpen(other);
        if (id == otherId || !target.communeCode().equals(other.communeCode())) {
            throw new IncidentActionException("incidents.error.merge", "Cannot merge " + otherId + " into " + id);
        }
        jdbc.sql(
                        "UPDATE incidents.signals SET incident_id = ?, link_reason = 'MANUAL', linked_by = ? WHERE incident_id = ?")
                .params(id, scope.officerId(), otherId)
                .update();
        jdbc.sql("""
                        INSERT INTO incidents.mentions (incident_id, kind, name, times)
                        SELECT ?, kind, name, times FROM incidents.mentions WHERE incident_id = ?
                        ON CONFLICT (incident_id, kind, name) DO UPDATE SET times = incidents.mentions.times + EXCLUDED.times
                        """).params(id, otherId).update();
        jdbc.sql("UPDATE incidents.incidents SET status = 'MERGED', merged_into = ?, signal_count = 0 WHERE id = ?")
                .params(id, otherId)
                .update();
        jdbc.sql("UPDATE incidents.alerts SET acknowledged_at = ? WHERE incident_id = ? AND acknowledged_at IS NULL")
                .params(Timestamp.from(clock.instant()), otherId)
                .update();
        action(id, ActionKind.MERGED, "#" + otherId, scope.officerId());
        action(otherId, ActionKind.MERGED, "→ #" + id, scope.officerId());
        ledger.recompute(id);
    }

    /** Where each of the incident's signals came from, to tell which an officer may read ({@link ReadableSignals}). */
    private List<ReadableSignals.Source> sourcesOf(long id) {
        return jdbc.sql("""
                        SELECT id, source, source_ref, source_key, province_code, commune_code, village_id
                          FROM incidents.signals WHERE incident_id = ?
                        """)
                .param(id)
                .query((rs, n) -> new ReadableSignals.Source(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, Long.class)))
                .list();
    }

    /** Moves the chosen signals out into a new incident of their own. @return the new incident's id */
    @Transactional
    public long split(AccessScope scope, long id, Collection<Long> signalIds) {
        Summary incident = find(scope, id);
        requireOpen(incident);
        Set<Long> chosen = new LinkedHashSet<>(signalIds);
        long inIncident = chosen.isEmpty()
                ? 0
                : jdbc.sql("SELECT count(*) FROM incidents.signals WHERE incident_id = :id AND id IN (:ids)")
                        .param("id", id)
                        .param("ids", chosen)
                        .query(Long.class)
                        .single();
        if (chosen.isEmpty() || inIncident != chosen.size() || inIncident >= incident.signalCount()) {
            throw new IncidentActionException("incidents.error.split", "Split needs some, not all, of the signals");
        }
        // Only signals the officer may read: one they cannot see on the page is not theirs to move either.
        if (!readableSignals.of(scope, sourcesOf(id)).containsAll(chosen)) {
            throw new IncidentActionException("incidents.error.split", "Split of a signal the officer may not read");
        }
        long created = jdbc.sql("""
                        INSERT INTO incidents.incidents (province_code, commune_code, title, first_signal_at,
                            last_signal_at, created_at, owner_officer_id)
                        SELECT province_code, commune_code, title, first_signal_at, last_signal_at, ?, owner_officer_id
                          FROM incidents.incidents WHERE id = ? RETURNING id
                        """)
                .params(Timestamp.from(clock.instant()), id)
                .query(Long.class)
                .single();
        jdbc.sql("UPDATE incidents.signals SET incident_id = :created, link_reason = 'MANUAL', linked_by = :officer"
                        + " WHERE incident_id = :id AND id IN (:ids)")
                .param("created", created)
                .param("officer", scope.officerId())
                .param("id", id)
                .param("ids", chosen)
                .update();
        action(id, ActionKind.SPLIT, "→ #" + created, scope.officerId());
        action(created, ActionKind.SPLIT, "← #" + id, scope.officerId());
        ledger.recompute(id);
        ledger.recompute(created);
        return created;
    }

    /**
     * Records a request to residents of chosen villages for witnesses, within strict limits: a case reference (the
     * incident's or a linked tip's code), a time window of at most 48 hours that has already begun and is at most 30
     * days old, at most 5 villages of the incident's commune, and no wording aimed at a lawful gathering. It is recorded
     * NOT_SENT; the bulletins module takes it over ({@link vn.binhyen.incidents.AssistanceRequests}).
     */
    @Transactional
    public long requestAssistance(
            AccessScope scope,
            long id,
            String caseReference,
            @Nullable Instant from,
            @Nullable Instant to,
            Collection<Long> villageIds,
            String body,
            boolean confirmedNotAGathering) {
        Summary incident = find(scope, id);
        Details details = details(scope, id);
        String reference = caseReference.strip().toUpperCase(java.util.Locale.ROOT);
        Set<String> allowed = new LinkedHashSet<>();
        allowed.add("SV-" + id);
        details.tips().forEach(t -> allowed.add(t.tipCode()));
        if (!allowed.contains(reference)) {
            throw new IncidentActionException(
                    "incidents.error.assistance.reference", "Unknown case reference", String.join(", ", allowed));
        }
        Instant now = clock.instant();
        if (from == null || to == null || !to.isAfter(from)) {
            throw new IncidentActionException("incidents.error.assistance.window", "Window missing or reversed");
        }
        if (Duration.between(from, to).compareTo(MAX_ASSISTANCE_WINDOW) > 0
                || from.isAfter(now)
                || from.isBefore(now.minus(MAX_ASSISTANCE_AGE))) {
            throw new IncidentActionException("incidents.error.assistance.window", "Window outside the limits");
        }
        Set<Long> villages = new LinkedHashSet<>(villageIds);
        Set<Long> ofCommune = details.villages().stream().map(VillageView::id).collect(Collectors.toSet());
        if (villages.isEmpty() || villages.size() > MAX_ASSISTANCE_VILLAGES || !ofCommune.containsAll(villages)) {
            throw new IncidentActionException(
                    "incidents.error.assistance.area", "Area outside the limits", MAX_ASSISTANCE_VILLAGES);
        }
        String text = clean(body, 500);
        if (text == null || text.length() < 20) {
            throw new IncidentActionException("incidents.error.assistance.body", "Body too short");
        }
        String folded = " " + VietnameseText.fold(text) + " ";
        if (!confirmedNotAGathering || LAWFUL_GATHERINGS.stream().anyMatch(w -> folded.contains(" " + w + " "))) {
            throw new IncidentActionException("incidents.error.assistance.gathering", "Aimed at a lawful gathering");
        }
        long request = jdbc.sql("""
                        INSERT INTO incidents.assistance_requests (incident_id, commune_code, case_reference, window_from,
                            window_to, village_ids, body, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?::bigint[], ?, ?, ?) RETURNING id
                        """)
                .params(
                        id,
                        incident.communeCode(),
                        reference,
                        Timestamp.from(from),
                        Timestamp.from(to),
                        "{" + villages.stream().map(String::valueOf).collect(Collectors.joining(",")) + "}",
                        text,
                        scope.officerId(),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        action(id, ActionKind.ASSISTANCE_REQUESTED, reference, scope.officerId());
        return request;
    }

    // ---------------------------------------------------------------------------------------------------- alerts

    @Transactional(readOnly = true)
    public List<LiveAlert> liveAlerts(long officerId) {
        return jdbc.sql("""
                        SELECT a.id, a.incident_id, i.title, i.categories, a.severity::float8, a.created_at, a.zalo_state,
                               i.commune_code
                          FROM incidents.alerts a JOIN incidents.incidents i ON i.id = a.incident_id
                         WHERE a.officer_id = ? AND a.acknowledged_at IS NULL ORDER BY a.created_at DESC LIMIT 5
                        """)
                .param(officerId)
                .query((rs, n) -> new LiveAlert(
                        rs.getLong(1),
                        rs.getLong(2),
                        title(rs.getString(3), IncidentLedger.strings(rs.getArray(4))),
                        rs.getDouble(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7)))
                .list();
    }

    @Transactional
    public void acknowledge(long officerId, long alertId) {
        jdbc.sql(
                        "UPDATE incidents.alerts SET acknowledged_at = ? WHERE id = ? AND officer_id = ? AND acknowledged_at IS NULL")
                .params(Timestamp.from(clock.instant()), alertId, officerId)
                .update();
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    public Summary find(AccessScope scope, long id) {
        ScopeSql where = ScopeSql.of(scope);
        return summaries(
                        SUMMARY_SELECT + " WHERE i.id = :id AND " + where.predicate(), where.params(), Map.of("id", id))
                .stream()
                .findFirst()
                .orElseThrow(() -> new IncidentNotFoundException(id));
    }

    /** "Đua xe, Tụ tập — Thôn Hồ Hạ" in the officer's language. */
    public String title(Summary s) {
        return title(s.title(), s.categories());
    }

    String title(String place, List<String> categories) {
        String what = categories.isEmpty()
                ? message("incidents.category.OTHER")
                : categories.stream()
                        .map(c -> message(WatchCategory.valueOf(c).labelKey()))
                        .collect(Collectors.joining(", "));
        return place == null || place.isBlank() ? what : what + " — " + place;
    }

    /** Turns a stored link reason into the sentence the timeline shows. */
    String reason(@Nullable String stored) {
        if (stored == null) {
            return "";
        }
        if (stored.equals("MANUAL")) {
            return message("incidents.reason.manual");
        }
        List<String> parts = new ArrayList<>();
        for (String part : stored.split("\\|")) {
            int eq = part.indexOf('=');
            if (part.equals("NEW")) {
                parts.add(message("incidents.reason.new"));
                continue;
            }
            if (eq < 0) {
                continue;
            }
            String key = part.substring(0, eq);
            String value = part.substring(eq + 1);
            switch (key) {
                case "P" -> {
                    int colon = value.indexOf(':');
                    String kind = colon < 0 ? value : value.substring(0, colon);
                    String arg = colon < 0 ? "" : value.substring(colon + 1);
                    parts.add(message("incidents.reason.place." + kind, arg));
                }
                case "T" -> parts.add(message("incidents.reason.time", value));
                case "C", "K" -> {
                    if (!value.isEmpty()) {
                        parts.add(message(
                                key.equals("C") ? "incidents.reason.categories" : "incidents.reason.kind",
                                java.util.Arrays.stream(value.split(","))
                                        .map(c ->
                                                message(WatchCategory.valueOf(c).labelKey()))
                                        .collect(Collectors.joining(", "))));
                    }
                }
                case "W" -> {
                    if (!value.isEmpty()) {
                        parts.add(message("incidents.reason.terms", value.replace(",", ", ")));
                    }
                }
                case "S" -> parts.add(message("incidents.reason.similarity", value));
                default -> {}
            }
        }
        return String.join(" · ", parts);
    }

    private double threshold(AccessScope scope) {
        return switch (scope.role()) {
            case PROVINCE_COMMAND, ADMINISTRATOR -> settings.of("").alertThreshold();
            default -> settings.of(scope.unitCode()).alertThreshold();
        };
    }

    private List<Summary> summaries(String sql, Map<String, Object> scopeParams, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(scopeParams);
        all.putAll(params);
        Map<Long, String> owners = new HashMap<>();
        List<Object[]> rows = jdbc.sql(sql)
                .params(all)
                .query((rs, n) -> new Object[] {summaryRow(rs)})
                .list();
        List<Summary> result = new ArrayList<>();
        for (Object[] row : rows) {
            result.add((Summary) row[0]);
        }
        Set<Long> ownerIds = result.stream()
                .map(Summary::ownerOfficerId)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        for (OfficerView o : directory.officers(ownerIds)) {
            owners.put(o.id(), o.fullName());
        }
        return result.stream()
                .map(s -> new Summary(
                        s.id(),
                        s.provinceCode(),
                        s.communeCode(),
                        s.villageId(),
                        s.villageId() == null
                                ? null
                                : places.village(s.communeCode(), s.villageId())
                                        .map(VillageView::name)
                                        .orElse(null),
                        s.title(),
                        s.categories(),
                        s.severity(),
                        Level.of(s.severity(), settings.of(s.communeCode()).alertThreshold()),
                        s.signalCount(),
                        s.sourceCount(),
                        s.status(),
                        s.firstSignalAt(),
                        s.lastSignalAt(),
                        s.eventAt(),
                        s.alertedAt(),
                        s.latitude(),
                        s.longitude(),
                        s.ownerOfficerId(),
                        s.ownerOfficerId() == null ? null : owners.get(s.ownerOfficerId()),
                        s.outcome(),
                        s.outcomeNote(),
                        s.closedAt(),
                        s.mergedInto()))
                .toList();
    }

    private static Summary summaryRow(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        return new Summary(
                rs.getLong("id"),
                rs.getString("province_code"),
                rs.getString("commune_code"),
                rs.getObject("village_id", Long.class),
                null,
                rs.getString("title"),
                IncidentLedger.strings(rs.getArray("categories")),
                rs.getDouble("severity"),
                Level.LOW,
                rs.getInt("signal_count"),
                rs.getInt("source_count"),
                rs.getString("status"),
                rs.getTimestamp("first_signal_at").toInstant(),
                rs.getTimestamp("last_signal_at").toInstant(),
                instant(rs, "event_at"),
                instant(rs, "alerted_at"),
                rs.getObject("latitude", Double.class),
                rs.getObject("longitude", Double.class),
                rs.getObject("owner_officer_id", Long.class),
                null,
                outcome == null ? null : IncidentOutcome.valueOf(outcome),
                rs.getString("outcome_note"),
                instant(rs, "closed_at"),
                rs.getObject("merged_into", Long.class));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private void action(long id, ActionKind kind, @Nullable String note, long officerId) {
        jdbc.sql("INSERT INTO incidents.actions (incident_id, kind, note, officer_id, at) VALUES (?, ?, ?, ?, ?)")
                .params(id, kind.name(), note, officerId, Timestamp.from(clock.instant()))
                .update();
    }

    private @Nullable String officerName(@Nullable Long id) {
        return id == null
                ? null
                : directory.officer(id).map(OfficerView::fullName).orElse(null);
    }

    private static void requireOpen(Summary incident) {
        if (!incident.open()) {
            throw new IncidentActionException("incidents.error.closed", "Incident " + incident.id() + " is not open");
        }
    }

    private static @Nullable String clean(@Nullable String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > max) {
            throw new IncidentActionException("incidents.error.tooLong", "Text too long", max);
        }
        return stripped;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
