package vn.binhyen.zalo.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.binhyen.conversations.ConversationChannel;
import vn.binhyen.conversations.Conversations;
import vn.binhyen.conversations.VillageSource;
import vn.binhyen.shared.VietnamTime;
import vn.binhyen.zalo.ConnectionStatus;

/**
 * Reads each OA's followers from Zalo now and then: {@code user/getlist} 50 at a time (Zalo's maximum), then
 * {@code user/detail} for the tags of followers seen for the first time or whose details are older than
 * {@code follower-detail-max-age} (tags also arrive at once through {@code add_user_to_tag} events). A tag naming a
 * village is the follower's village, so bulletins can target a village and threads go to the village's area officer.
 *
 * <p>Zalo's list stops at offset 9,951. A larger OA is read in segments by period of last interaction
 * ({@code last_interaction_period}, "YYYY_MM_DD:YYYY_MM_DD"): the sync halves the period from 2012 to today until each
 * part has at most 10,000 followers and reads each part through. The run is complete when the parts add up to the
 * total Zalo reports; only then is anyone Zalo no longer listed marked unfollowed. (Followers Zalo dates no interaction
 * for, or more than 10,000 on a single day, leave the run partial.)
 *
 * <p>The day's follower total goes into the follower history. Every call spends the shared per-app budget; when it
 * runs out, the sync stops and resumes from its segment and offset. The timer runs on one node at a time
 * ({@link ZaloTimers}); an administrator's "sync now" claims the OA's row by moving its {@code next_run_at} forward
 * in one statement, so one run at a time reads an OA.
 */
@Component
public class FollowerSync {

    static final int PAGE = 50;
    static final int MAX_OFFSET = 9951;
    /** The most followers one segment can hold and still be read to its end. */
    static final int SEGMENT_LIMIT = MAX_OFFSET + PAGE - 1;
    /** Zalo opened in 2012: no one interacted with an OA before. */
    static final LocalDate FIRST_DAY = LocalDate.of(2012, 1, 1);

    private static final DateTimeFormatter PERIOD_DAY = DateTimeFormatter.ofPattern("yyyy_MM_dd");
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(FollowerSync.class);

    private final JdbcClient jdbc;
    private final OfficialAccountStore accounts;
    private final TokenKeeper tokens;
    private final ZaloApiClient api;
    private final ApiBudget budget;
    private final FollowerBook followers;
    private final VillageMatcher villages;
    private final GroupSync groups;
    private final Conversations conversations;
    private final ZaloProperties properties;
    private final Clock clock;
    private final Pollers pollers;

    FollowerSync(
            JdbcClient jdbc,
            OfficialAccountStore accounts,
            TokenKeeper tokens,
            ZaloApiClient api,
            ApiBudget budget,
            FollowerBook followers,
            VillageMatcher villages,
            GroupSync groups,
            Conversations conversations,
            ZaloProperties properties,
            Clock clock,
            Pollers pollers) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.tokens = tokens;
        this.api = api;
        this.budget = budget;
        this.followers = followers;
        this.villages = villages;
        this.groups = groups;
        this.conversations = conversations;
        this.properties = properties;
        this.clock = clock;
        this.pollers = pollers;
    }

    public record SyncState(
            String oaId,
            Instant nextRunAt,
            int cursorOffset,
            @Nullable Instant lastCompletedAt,
            @Nullable Integer lastTotal,
            @Nullable Boolean lastComplete,
            @Nullable String lastError) {}

    public enum Outcome {
        COMPLETE,
        PARTIAL,
        PAUSED,
        NOT_DUE,
        FAILED
    }

    /** Syncs every connected OA whose sync is due; run by the {@link ZaloTimers} timer, on one node at a time. */
    public void syncDue() {
        for (var account : accounts.all()) {
            if (!pollers.running()) {
                return;
            }
            if (account.status() == ConnectionStatus.CONNECTED) {
                try {
                    run(account.oaId(), false);
                } catch (RuntimeException e) {
                    log.warn(
                            "Follower sync of OA {} failed: {}",
                            account.oaId(),
                            e.getClass().getSimpleName());
                }
            }
        }
    }

    /** Runs the OA's sync now (an administrator asked, or a test). */
    public Outcome syncNow(String oaId) {
        return run(oaId, true);
    }

    public @Nullable SyncState state(String oaId) {
        return jdbc.sql("SELECT * FROM zalo.follower_syncs WHERE oa_id = ?")
                .param(oaId)
                .query(SyncState.class)
                .optional()
                .orElse(null);
    }

    Outcome run(String oaId, boolean force) {
        var account = accounts.find(oaId).orElse(null);
        if (account == null) {
            return Outcome.FAILED;
        }
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO zalo.follower_syncs (oa_id, next_run_at) VALUES (?, ?) ON CONFLICT (oa_id) DO NOTHING")
                .params(oaId, Timestamp.from(now))
                .update();
        var claim = jdbc.sql("""
                        UPDATE zalo.follower_syncs
                           SET next_run_at = ?, run_started_at = COALESCE(run_started_at, ?)
                         WHERE oa_id = ? AND (next_run_at <= ? OR ?)
                        RETURNING cursor_offset, seen_in_run, run_started_at, segments, segment_index, plan_complete
                        """)
                .params(Timestamp.from(now.plus(LEASE)), Timestamp.from(now), oaId, Timestamp.from(now), force)
                .query((rs, row) -> {
                    java.sql.Array segments = rs.getArray("segments");
                    return new Cursor(
                            segments == null ? null : List.of((String[]) segments.getArray()),
                            rs.getInt("segment_index"),
                            rs.getInt("cursor_offset"),
                            rs.getInt("seen_in_run"),
                            rs.getBoolean("plan_complete"),
                            rs.getTimestamp("run_started_at").toInstant());
                })
                .optional()
                .orElse(null);
        if (claim == null) {
            return Outcome.NOT_DUE;
        }
        var run = new Run(oaId, account, claim, force);
        try {
            return run.go();
        } catch (TokenKeeper.NotConnectedException e) {
            return fail(oaId, run.cursor, "not connected");
        } catch (ZaloUnreachableException e) {
            return fail(oaId, run.cursor, "Zalo unreachable");
        } catch (ZaloError e) {
            return fail(oaId, run.cursor, e.getMessage());
        }
    }

    /** Where a run stands: the plan (null until made), the segment and offset in it, followers seen so far. */
    private record Cursor(
            @Nullable List<String> segments,
            int segment,
            int offset,
            int seen,
            boolean planComplete,
            Instant startedAt) {

        Cursor planned(List<String> plan, boolean complete) {
            return new Cursor(plan, 0, 0, seen, complete, startedAt);
        }

        Cursor advanced(int read) {
            return new Cursor(segments, segment, offset + read, seen + read, planComplete, startedAt);
        }

        Cursor nextSegment() {
            return new Cursor(segments, segment + 1, 0, seen, planComplete, startedAt);
        }
    }

    /** The budget for this minute is spent: the run stops where it is and resumes next minute. */
    private static final class OutOfBudget extends RuntimeException {
        OutOfBudget() {
            super(null, null, false, false);
        }
    }

    private static final class ZaloError extends RuntimeException {
        ZaloError(int error) {
            super("Zalo error " + error, null, false, false);
        }
    }

    /** One run of one OA's sync. */
    private final class Run {
        final String oaId;
        final OfficialAccountStore.AccountRow account;
        /** Someone is waiting on this run (an administrator's "sync now"), not the timer. */
        final boolean asked;

        Cursor cursor;
        String token;

        Run(String oaId, OfficialAccountStore.AccountRow account, Cursor cursor, boolean asked) {
            this.oaId = oaId;
            this.account = account;
            this.cursor = cursor;
            this.asked = asked;
        }

        Outcome go() {
            token = tokens.accessToken(oaId);
            try {
                if (cursor.segments() == null) {
                    plan();
                }
                List<String> segments = cursor.segments();
                while (cursor.segment() < segments.size()) {
                    if (!pollers.running()) {
                        return pause();
                    }
                    String period = segments.get(cursor.segment());
                    JsonNode page = list(period, cursor.offset(), PAGE);
                    int total = page.path("total").asInt(-1);
                    List<String> userIds = userIds(page);
                    read(userIds);
                    cursor = cursor.advanced(userIds.size());
                    boolean end = userIds.isEmpty()
                            || userIds.size() < PAGE
                            || (total >= 0 && cursor.offset() >= total)
                            || cursor.offset() > MAX_OFFSET;
                    if (end) {
                        cursor = cursor.nextSegment();
                    }
                    saveCursor();
                }
            } catch (OutOfBudget e) {
                return pause();
            }
            boolean complete = cursor.planComplete();
            finish(oaId, cursor.startedAt(), cursor.seen(), complete);
            return complete ? Outcome.COMPLETE : Outcome.PARTIAL;
        }

        /**
         * One segment when the whole list fits under Zalo's offset limit; otherwise periods of last interaction,
         * halved until each fits, in date order.
         */
        void plan() {
            int total = list("", 0, 1).path("total").asInt(-1);
            if (total <= SEGMENT_LIMIT) {
                cursor = cursor.planned(List.of(""), true);
                savePlan();
                return;
            }
            List<String> plan = new ArrayList<>();
            boolean complete = true;
            long covered = 0;
            Deque<LocalDate[]> todo = new ArrayDeque<>();
            todo.push(new LocalDate[] {
                FIRST_DAY,
                clock.instant().atZone(VietnamTime.ZONE).toLocalDate().plusDays(1)
            });
            while (!todo.isEmpty()) {
                LocalDate[] range = todo.pop();
                String period = PERIOD_DAY.format(range[0]) + ":" + PERIOD_DAY.format(range[1]);
                int count = list(period, 0, 1).path("total").asInt(0);
                if (count == 0) {
                    continue;
                }
                if (count <= SEGMENT_LIMIT || !range[0].isBefore(range[1])) {
                    plan.add(period);
                    covered += count;
                    complete &= count <= SEGMENT_LIMIT;
                    continue;
                }
                long days = java.time.temporal.ChronoUnit.DAYS.between(range[0], range[1]);
                LocalDate middle = range[0].plusDays(days / 2);
                todo.push(new LocalDate[] {middle.plusDays(1), range[1]});
                todo.push(new LocalDate[] {range[0], middle});
            }
            cursor = cursor.planned(plan, complete && covered >= total);
            savePlan();
            log.info(
                    "Follower sync of OA {}: {} followers, read in {} periods of last interaction{}",
                    oaId,
                    total,
                    plan.size(),
                    cursor.planComplete() ? "" : " (some followers cannot be reached: partial)");
        }

        JsonNode list(String period, int offset, int count) {
            while (true) {
                spend();
                ZaloApiResult page = api.followers(token, offset, count, period);
                if (page.tokenProblem()) {
                    token = tokens.refreshAfterRejection(oaId, token);
                    continue;
                }
                if (!page.ok()) {
                    throw new ZaloError(page.error());
                }
                return page.data();
            }
        }

        /** Marks the page's users as listed; reads the details of those never read or read too long ago. */
        void read(List<String> userIds) {
            Instant now = clock.instant();
            followers.markListed(oaId, userIds, now);
            for (String userId : followers.needingDetail(oaId, userIds, now.minus(properties.followerDetailMaxAge()))) {
                spend();
                readDetail(account, token, userId);
            }
        }

        /**
         * A run someone waits on waits out the budget's minute-edge guard rather than pausing a whole minute for it
         * (an administrator's click, or a test, landing in a minute's last two seconds); a used-up minute pauses both.
         */
        void spend() {
            boolean granted = asked
                    ? budget.acquireForClick(account.appId(), clock)
                    : budget.tryAcquire(account.appId(), clock.instant());
            if (!granted) {
                throw new OutOfBudget();
            }
        }

        Outcome pause() {
            saveCursor();
            jdbc.sql("UPDATE zalo.follower_syncs SET next_run_at = ? WHERE oa_id = ?")
                    .params(Timestamp.from(ApiBudget.nextMinute(clock.instant())), oaId)
                    .update();
            return Outcome.PAUSED;
        }

        void savePlan() {
            jdbc.sql("""
                            UPDATE zalo.follower_syncs SET segments = ?::TEXT[], segment_index = 0, cursor_offset = 0,
                                   plan_complete = ?
                             WHERE oa_id = ?
                            """)
                    .params(FollowerBook.pgArray(cursor.segments()), cursor.planComplete(), oaId)
                    .update();
        }

        void saveCursor() {
            jdbc.sql("""
                            UPDATE zalo.follower_syncs SET segment_index = ?, cursor_offset = ?, seen_in_run = ?
                             WHERE oa_id = ?
                            """)
                    .params(cursor.segment(), cursor.offset(), cursor.seen(), oaId)
                    .update();
        }
    }

    private static List<String> userIds(JsonNode page) {
        List<String> userIds = new ArrayList<>();
        for (JsonNode user : page.path("users")) {
            String id = ZaloJson.text(user.path("user_id"));
            if (!id.isEmpty()) {
                userIds.add(id);
            }
        }
        return userIds;
    }

    private void readDetail(OfficialAccountStore.AccountRow account, String token, String userId) {
        ZaloApiResult detail = api.userDetail(token, userId);
        if (!detail.ok()) {
            return;
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : detail.data().path("tags_and_notes_info").path("tag_names")) {
            String name = ZaloJson.text(tag).strip();
            if (!name.isEmpty() && name.length() <= 100) {
                tags.add(name);
            }
        }
        followers.saveDetail(account.oaId(), userId, tags, clock.instant());
        villages.match(account.communeCode(), tags).ifPresent(village -> {
            followers.setVillage(account.oaId(), userId, village.id(), VillageSource.TAG.name());
            conversations.learnVillage(
                    ConversationChannel.ZALO, account.oaId(), userId, village.id(), VillageSource.TAG);
        });
    }

    private void finish(String oaId, Instant startedAt, int total, boolean complete) {
        Instant now = clock.instant();
        followers.recordTotal(oaId, now.atZone(VietnamTime.ZONE).toLocalDate(), total);
        if (complete) {
            followers.markUnlisted(oaId, startedAt);
        }
        jdbc.sql("""
                        UPDATE zalo.follower_syncs
                           SET cursor_offset = 0, seen_in_run = 0, run_started_at = NULL, segments = NULL,
                               segment_index = 0, plan_complete = NULL, last_completed_at = ?,
                               last_total = ?, last_complete = ?, last_error = NULL, next_run_at = ?
                         WHERE oa_id = ?
                        """)
                .params(
                        Timestamp.from(now),
                        total,
                        complete,
                        Timestamp.from(now.plus(properties.followerSyncInterval())),
                        oaId)
                .update();
        try {
            groups.refresh(oaId);
        } catch (RuntimeException e) {
            log.info("Group list of OA {} not refreshed: {}", oaId, e.getClass().getSimpleName());
        }
        log.info("Follower sync of OA {}: {} followers{}", oaId, total, complete ? "" : " (partial)");
    }

    private Outcome fail(String oaId, Cursor cursor, String error) {
        jdbc.sql("""
                        UPDATE zalo.follower_syncs SET segment_index = ?, cursor_offset = ?, seen_in_run = ?,
                               next_run_at = ?, last_error = ?
                         WHERE oa_id = ?
                        """)
                .params(
                        cursor.segment(),
                        cursor.offset(),
                        cursor.seen(),
                        Timestamp.from(clock.instant().plus(Duration.ofMinutes(5))),
                        error,
                        oaId)
                .update();
        return Outcome.FAILED;
    }
}
