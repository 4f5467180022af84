package vn.binhyen.directory;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.directory.DutyRosterChanged.Change;

/**
 * Each commune unit's duty roster (lịch trực): who is on duty when, for the whole commune or some of its villages.
 * Urgent alerts go to the officers whose shift covers the alert time. The rules of a shift are kept here; who may change
 * a commune's roster is the caller's to check (as with {@link Directory#changeRole}), and every change publishes a
 * {@link DutyRosterChanged} for the audit log.
 */
@Service
@Transactional(readOnly = true)
public class DutyRoster {

    /** A shift longer than a week is a typing mistake, not a duty. */
    public static final Duration LONGEST_SHIFT = Duration.ofDays(7);

    private static final String SELECT = """
            SELECT s.id, s.commune_code, s.officer_id, o.full_name AS officer_name, o.role AS officer_role,
                   s.starts_at, s.ends_at,
                   ARRAY(SELECT v.id FROM directory.villages v WHERE v.id = ANY (s.village_ids) ORDER BY v.name)
                       AS village_ids,
                   ARRAY(SELECT v.name FROM directory.villages v WHERE v.id = ANY (s.village_ids) ORDER BY v.name)
                       AS village_names,
                   a.full_name AS added_by_name, s.added_at
              FROM directory.duty_shifts s
              JOIN directory.officers o ON o.id = s.officer_id
              LEFT JOIN directory.officers a ON a.id = s.added_by
            """;

    private final JdbcClient jdbc;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DutyRoster(JdbcClient jdbc, Directory directory, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /** The commune's shifts that overlap {@code [from, to)}, earliest first. */
    public List<DutyShiftView> shifts(String communeCode, Instant from, Instant to) {
        return jdbc.sql(SELECT + " WHERE s.commune_code = ? AND s.ends_at > ? AND s.starts_at < ?"
                        + " ORDER BY s.starts_at, o.full_name, s.id")
                .params(communeCode, Timestamp.from(from), Timestamp.from(to))
                .query(DutyRoster::shift)
                .list();
    }

    /** The commune's shifts that cover an instant: who is on duty then, wherever in the commune. */
    public List<DutyShiftView> onDutyAt(String communeCode, Instant at) {
        return jdbc.sql(SELECT + " WHERE s.commune_code = ? AND s.starts_at <= ? AND s.ends_at > ? AND o.active"
                        + " ORDER BY s.starts_at, o.full_name, s.id")
                .params(communeCode, Timestamp.from(at), Timestamp.from(at))
                .query(DutyRoster::shift)
                .list();
    }

    /**
     * The officers on duty at an instant for a place: those whose shift covers the whole commune or that village.
     * Without a village (the place is not known) every officer on duty in the commune, so nobody who might be near is
     * left out. Each officer once, in shift order.
     */
    public List<Long> officersOnDuty(String communeCode, @Nullable Long villageId, Instant at) {
        return onDutyAt(communeCode, at).stream()
                .filter(s ->
                        villageId == null || s.wholeCommune() || s.villageIds().contains(villageId))
                .map(DutyShiftView::officerId)
                .collect(Collectors.toCollection(LinkedHashSet::new))
                .stream()
                .toList();
    }

    public Optional<DutyShiftView> shift(String communeCode, long id) {
        return jdbc.sql(SELECT + " WHERE s.id = ? AND s.commune_code = ?")
                .params(id, communeCode)
                .query(DutyRoster::shift)
                .optional();
    }

    /**
     * Adds a shift to a commune's roster. Overlaps are fine (two officers on duty); a shift must end after it starts
     * and after now, last at most {@link #LONGEST_SHIFT}, and name an active officer of this commune's unit and only
     * villages of this commune.
     */
    @Transactional
    public DutyShiftView add(String communeCode, NewDutyShift shift, String byUsername, long byOfficerId) {
        OfficerView officer = directory.officersOf(communeCode).stream()
                .filter(o -> o.id() == shift.officerId())
                .filter(o -> o.role() != OfficerRole.PROVINCE_COMMAND && o.role() != OfficerRole.ADMINISTRATOR)
                .findFirst()
                .orElseThrow(() -> new DutyShiftException(
                        "officerId", "duty.error.officer", "Officer " + shift.officerId() + " not of " + communeCode));
        if (!shift.endsAt().isAfter(shift.startsAt())) {
            throw new DutyShiftException("to", "duty.error.order", "Shift ends before it starts");
        }
        if (!shift.endsAt().isAfter(clock.instant())) {
            throw new DutyShiftException("to", "duty.error.past", "Shift ends in the past");
        }
        if (Duration.between(shift.startsAt(), shift.endsAt()).compareTo(LONGEST_SHIFT) > 0) {
            throw new DutyShiftException("to", "duty.error.long", "Shift longer than a week", LONGEST_SHIFT.toDays());
        }
        var villages = new LinkedHashSet<>(shift.villageIds());
        for (Long village : villages) {
            if (directory
                    .village(village)
                    .filter(v -> v.communeCode().equals(communeCode))
                    .isEmpty()) {
                throw new DutyShiftException(
                        "villageIds", "duty.error.village", "Village " + village + " not in " + communeCode);
            }
        }
        long id = jdbc.sql("""
                        INSERT INTO directory.duty_shifts
                            (commune_code, officer_id, starts_at, ends_at, village_ids, added_by, added_at)
                        VALUES (?, ?, ?, ?, CAST(? AS bigint[]), ?, ?) RETURNING id
                        """)
                .params(
                        communeCode,
                        officer.id(),
                        Timestamp.from(shift.startsAt()),
                        Timestamp.from(shift.endsAt()),
                        array(villages),
                        byOfficerId,
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        DutyShiftView added = shift(communeCode, id).orElseThrow();
        published(Change.ADDED, added, byUsername, byOfficerId);
        return added;
    }

    /** Ends a shift that is under way now; empty when the commune has no such shift. */
    @Transactional
    public Optional<DutyShiftView> endEarly(String communeCode, long id, String byUsername, long byOfficerId) {
        Optional<DutyShiftView> shift = shift(communeCode, id);
        if (shift.isEmpty()) {
            return shift;
        }
        Instant now = clock.instant();
        if (!shift.get().covers(now)) {
            throw new DutyShiftException("shift", "duty.error.notCurrent", "Shift " + id + " is not under way");
        }
        jdbc.sql("UPDATE directory.duty_shifts SET ends_at = ? WHERE id = ?")
                .params(Timestamp.from(now), id)
                .update();
        DutyShiftView ended = shift(communeCode, id).orElseThrow();
        published(Change.ENDED_EARLY, ended, byUsername, byOfficerId);
        return Optional.of(ended);
    }

    /**
     * Removes a shift that has not begun; false when the commune has no such shift. A shift under way or past stays:
     * alerts were routed by it, so it is ended early instead.
     */
    @Transactional
    public boolean remove(String communeCode, long id, String byUsername, long byOfficerId) {
        Optional<DutyShiftView> shift = shift(communeCode, id);
        if (shift.isEmpty()) {
            return false;
        }
        if (!shift.get().startsAt().isAfter(clock.instant())) {
            throw new DutyShiftException("shift", "duty.error.started", "Shift " + id + " has begun");
        }
        jdbc.sql("DELETE FROM directory.duty_shifts WHERE id = ?").param(id).update();
        published(Change.REMOVED, shift.get(), byUsername, byOfficerId);
        return true;
    }

    private void published(Change change, DutyShiftView shift, String byUsername, long byOfficerId) {
        events.publishEvent(new DutyRosterChanged(
                byUsername,
                byOfficerId,
                change,
                shift.id(),
                shift.communeCode(),
                shift.officerId(),
                shift.startsAt(),
                shift.endsAt(),
                shift.villageIds()));
    }

    private static String array(java.util.Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private static DutyShiftView shift(ResultSet rs, int row) throws SQLException {
        return new DutyShiftView(
                rs.getLong("id"),
                rs.getString("commune_code"),
                rs.getLong("officer_id"),
                rs.getString("officer_name"),
                OfficerRole.valueOf(rs.getString("officer_role")),
                rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(),
                List.of((Long[]) array(rs.getArray("village_ids"))),
                List.of((String[]) array(rs.getArray("village_names"))),
                rs.getString("added_by_name"),
                rs.getTimestamp("added_at").toInstant());
    }

    private static Object array(Array array) throws SQLException {
        return array.getArray();
    }
}
