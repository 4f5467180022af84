package vn.binhyen.zalo.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * Reads each OA's followers from Zalo now and then: {@code user/getlist} 50 at a time (Zalo's maximum; offsets stop at
 * 9,951, so a larger OA is read partially and nobody is marked unfollowed from a partial list), then
 * {@code user/detail} for each follower's tags. A tag naming a village is the follower's village, so bulletins can
 * target a village and threads go to the village's area officer. The day's follower total goes into the follower
 * history. Every call spends the shared per-app budget; when it runs out, the sync stops and resumes from its cursor.
 * A node claims an OA's sync by moving its {@code next_run_at} forward in one statement, so one node syncs an OA.
 */
@Component
public class FollowerSync {

    static final int PAGE = 50;
    static final int MAX_OFFSET = 9951;
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

    /** Run by the {@link ZaloTimers} timer on one node at a time. */
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
                        RETURNING cursor_offset, seen_in_run, run_started_at
                        """)
                .params(Timestamp.from(now.plus(LEASE)), Timestamp.from(now), oaId, Timestamp.from(now), force)
                .query((rs, row) -> new Claim(
                        rs.getInt("cursor_offset"),
                        rs.getInt("seen_in_run"),
                        rs.getTimestamp("run_started_at").toInstant()))
                .optional()
                .orElse(null);
        if (claim == null) {
            return Outcome.NOT_DUE;
        }
        int offset = claim.offset();
        int seen = claim.seen();
        int total = -1;
        try {
            String token = tokens.accessToken(oaId);
            while (pollers.running()) {
                if (!budget.tryAcquire(account.appId(), clock.instant())) {
                    return pause(oaId, offset, seen);
                }
                ZaloApiResult page = api.followers(token, offset, PAGE);
                if (page.tokenProblem()) {
                    token = tokens.refreshAfterRejection(oaId, token);
                    continue;
                }
                if (!page.ok()) {
                    return fail(oaId, offset, seen, "Zalo error " + page.error());
                }
                total = page.data().path("total").asInt(-1);
                List<String> userIds = new ArrayList<>();
                for (JsonNode user : page.data().path("users")) {
                    String id = ZaloJson.text(user.path("user_id"));
                    if (!id.isEmpty()) {
                        userIds.add(id);
                    }
                }
                for (String userId : userIds) {
                    if (!budget.tryAcquire(account.appId(), clock.instant())) {
                        return pause(oaId, offset, seen);
                    }
                    readDetail(account, token, userId);
                }
                offset += userIds.size();
                seen += userIds.size();
                boolean end = userIds.size() < PAGE || (total >= 0 && offset >= total);
                if (end || offset > MAX_OFFSET) {
                    boolean complete = end;
                    finish(oaId, claim.startedAt(), total < 0 ? seen : total, complete);
                    return complete ? Outcome.COMPLETE : Outcome.PARTIAL;
                }
                saveCursor(oaId, offset, seen);
            }
            return pause(oaId, offset, seen);
        } catch (TokenKeeper.NotConnectedException e) {
            return fail(oaId, offset, seen, "not connected");
        } catch (ZaloUnreachableException e) {
            return fail(oaId, offset, seen, "Zalo unreachable");
        }
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
                           SET cursor_offset = 0, seen_in_run = 0, run_started_at = NULL, last_completed_at = ?,
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
        log.info("Follower sync of OA {}: {} followers{}", oaId, total, complete ? "" : " (partial: offset limit)");
    }

    private void saveCursor(String oaId, int offset, int seen) {
        jdbc.sql("UPDATE zalo.follower_syncs SET cursor_offset = ?, seen_in_run = ? WHERE oa_id = ?")
                .params(offset, seen, oaId)
                .update();
    }

    private Outcome pause(String oaId, int offset, int seen) {
        jdbc.sql("UPDATE zalo.follower_syncs SET cursor_offset = ?, seen_in_run = ?, next_run_at = ? WHERE oa_id = ?")
                .params(offset, seen, Timestamp.from(ApiBudget.nextMinute(clock.instant())), oaId)
                .update();
        return Outcome.PAUSED;
    }

    private Outcome fail(String oaId, int offset, int seen, String error) {
        jdbc.sql("""
                        UPDATE zalo.follower_syncs SET cursor_offset = ?, seen_in_run = ?, next_run_at = ?, last_error = ?
                         WHERE oa_id = ?
                        """)
                .params(offset, seen, Timestamp.from(clock.instant().plus(Duration.ofMinutes(5))), error, oaId)
                .update();
        return Outcome.FAILED;
    }

    private record Claim(int offset, int seen, Instant startedAt) {}
}
