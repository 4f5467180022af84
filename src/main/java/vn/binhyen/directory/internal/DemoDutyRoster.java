package vn.binhyen.directory.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.directory.OfficerView;
import vn.binhyen.shared.VietnamTime;

/**
 * A rolling duty roster for the demo communes, so the demo always has someone on duty: a day shift (07:00–19:00) for
 * an area officer and a night shift (19:00–07:00) for the staff officer or an area officer, from yesterday evening to
 * two weeks ahead. Every start tops it up; shifts an officer already has at those times are left alone.
 */
@Component
@Order(11)
@ConditionalOnBooleanProperty("binhyen.demo.enabled")
class DemoDutyRoster implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDutyRoster.class);
    static final int DAYS_AHEAD = 14;

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Environment environment;
    private final Clock clock;

    DemoDutyRoster(JdbcClient jdbc, Directory directory, Environment environment, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (environment.matchesProfiles("prod")) {
            throw new IllegalStateException("Demo data must never be loaded in prod");
        }
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        int added = 0;
        for (DemoDirectory.DemoCommune commune : DemoDirectory.COMMUNES) {
            List<OfficerView> officers = directory.officersOf(commune.code());
            List<Long> area = officers.stream()
                    .filter(o -> o.role() == OfficerRole.AREA_OFFICER)
                    .map(OfficerView::id)
                    .toList();
            List<Long> nights = officers.stream()
                    .filter(o -> o.role() == OfficerRole.COMMUNE_STAFF || o.role() == OfficerRole.AREA_OFFICER)
                    .map(OfficerView::id)
                    .toList();
            if (area.isEmpty()) {
                continue;
            }
            for (int d = -1; d <= DAYS_AHEAD; d++) {
                LocalDate day = today.plusDays(d);
                long dayOfficer = dayOfficer(area, day);
                added += shift(commune.code(), dayOfficer, day, LocalTime.of(7, 0), 12);
                added += shift(
                        commune.code(), nightOfficer(nights, day, dayOfficer, area), day, LocalTime.of(19, 0), 12);
            }
        }
        if (added > 0) {
            log.info("Demo duty roster: {} shifts added up to {}", added, today.plusDays(DAYS_AHEAD));
        }
    }

    /** Area officers take the day shifts in turn, by the calendar, so every start agrees on the same rota. */
    private static long dayOfficer(List<Long> area, LocalDate day) {
        return area.get((int) Math.floorMod(day.toEpochDay(), (long) area.size()));
    }

    /** The night goes to someone who works neither that day nor the next morning: nobody is on for 24 hours. */
    private static long nightOfficer(List<Long> nights, LocalDate day, long dayOfficer, List<Long> area) {
        long nextMorning = dayOfficer(area, day.plusDays(1));
        int first = (int) Math.floorMod(day.toEpochDay(), (long) nights.size());
        for (int i = 0; i < nights.size(); i++) {
            long candidate = nights.get((first + i) % nights.size());
            if (candidate != dayOfficer && candidate != nextMorning) {
                return candidate;
            }
        }
        return nights.get(first);
    }

    private int shift(String commune, long officer, LocalDate day, LocalTime start, int hours) {
        var startsAt = day.atTime(start).atZone(VietnamTime.ZONE).toInstant();
        var endsAt = startsAt.plusSeconds(hours * 3600L);
        return jdbc.sql("""
                        INSERT INTO directory.duty_shifts (commune_code, officer_id, starts_at, ends_at, added_at)
                        SELECT :commune, :officer, :start, :end, now()
                         WHERE NOT EXISTS (SELECT 1 FROM directory.duty_shifts
                                            WHERE commune_code = :commune AND starts_at = :start)
                        """)
                .param("commune", commune)
                .param("officer", officer)
                .param("start", Timestamp.from(startsAt))
                .param("end", Timestamp.from(endsAt))
                .update();
    }
}
