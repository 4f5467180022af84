package vn.binhyen.zalo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import vn.binhyen.directory.Directory;
import vn.binhyen.zalo.internal.FollowerBook;
import vn.binhyen.zalo.internal.FollowerSync;
import vn.binhyen.zalo.internal.OfficialAccountStore;

/** An OA's followers for administrators: the daily history, followers per village, and the sync's state. */
@Service
public class ZaloFollowers {

    private final OfficialAccountStore accounts;
    private final FollowerBook followers;
    private final FollowerSync sync;
    private final Directory directory;

    ZaloFollowers(OfficialAccountStore accounts, FollowerBook followers, FollowerSync sync, Directory directory) {
        this.accounts = accounts;
        this.followers = followers;
        this.sync = sync;
        this.directory = directory;
    }

    public record Day(
            LocalDate day,
            int follows,
            int unfollows,
            @Nullable Integer total) {}

    public record VillageCount(@Nullable String village, int followers) {}

    public record SyncView(
            @Nullable Instant lastCompletedAt,
            @Nullable Integer lastTotal,
            boolean lastComplete,
            @Nullable String lastError,
            Instant nextRunAt) {}

    public record Overview(
            OfficialAccountView account,
            int following,
            List<Day> history,
            List<VillageCount> villages,
            @Nullable SyncView sync) {}

    public Overview overview(String oaId) {
        var account = accounts.find(oaId).orElseThrow(() -> new ZaloChannelException("zalo.oa.unknown", "No such OA"));
        var names = new java.util.HashMap<Long, String>();
        directory.allVillagesOf(account.communeCode()).forEach(v -> names.put(v.id(), v.name()));
        List<VillageCount> villages = new ArrayList<>();
        followers
                .followersByVillage(oaId)
                .forEach((village, count) -> villages.add(
                        new VillageCount(village == null ? null : names.getOrDefault(village, "#" + village), count)));
        var state = sync.state(oaId);
        return new Overview(
                ZaloAccounts.view(account),
                followers.followerCount(oaId),
                followers.history(oaId, 30).stream()
                        .map(d -> new Day(d.day(), d.follows(), d.unfollows(), d.total()))
                        .toList(),
                villages,
                state == null
                        ? null
                        : new SyncView(
                                state.lastCompletedAt(),
                                state.lastTotal(),
                                Boolean.TRUE.equals(state.lastComplete()),
                                state.lastError(),
                                state.nextRunAt()));
    }

    /** @return the outcome's name (COMPLETE, PARTIAL, PAUSED, FAILED) */
    public String syncNow(String oaId) {
        accounts.find(oaId).orElseThrow(() -> new ZaloChannelException("zalo.oa.unknown", "No such OA"));
        return sync.syncNow(oaId).name();
    }
}
