package vn.binhyen.zalo.internal;

import java.time.Clock;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.binhyen.zalo.ZaloChannelException;

/** Reads the OA's GMF groups from Zalo ({@code group/getgroupsofoa}, 50 at a time) into the group book. */
@Component
public class GroupSync {

    private final OfficialAccountStore accounts;
    private final TokenKeeper tokens;
    private final ZaloApiClient api;
    private final ApiBudget budget;
    private final GroupBook groups;
    private final Clock clock;

    GroupSync(
            OfficialAccountStore accounts,
            TokenKeeper tokens,
            ZaloApiClient api,
            ApiBudget budget,
            GroupBook groups,
            Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.api = api;
        this.budget = budget;
        this.groups = groups;
        this.clock = clock;
    }

    /** @return how many groups Zalo listed */
    public int refresh(String oaId) {
        var account = accounts.find(oaId).orElseThrow(() -> new ZaloChannelException("zalo.oa.unknown", "No OA"));
        String token;
        try {
            token = tokens.accessToken(oaId);
        } catch (TokenKeeper.NotConnectedException e) {
            throw new ZaloChannelException("zalo.reply.failed.not-connected", "Not connected");
        }
        int offset = 0;
        int listed = 0;
        boolean retried = false;
        while (offset <= FollowerSync.MAX_OFFSET) {
            if (!budget.acquireForClick(account.appId(), clock)) {
                throw new ZaloChannelException("zalo.groups.budget", "API budget used up");
            }
            ZaloApiResult page = api.groupsOfOa(token, offset, FollowerSync.PAGE);
            if (page.tokenProblem() && !retried) {
                token = tokens.refreshAfterRejection(oaId, token);
                retried = true;
                continue;
            }
            if (!page.ok()) {
                throw new ZaloChannelException("zalo.groups.refused", "Zalo error " + page.error());
            }
            JsonNode list = page.data().path("groups");
            if (!list.isArray()) {
                list = page.data().path("items");
            }
            if (!list.isArray() && page.data().isArray()) {
                list = page.data();
            }
            int count = 0;
            for (JsonNode group : list) {
                String id = ZaloJson.text(group.path("group_id"));
                if (id.isEmpty() || id.length() > 32) {
                    continue;
                }
                String name = ZaloJson.text(group.path("name"));
                if (name.isEmpty()) {
                    name = ZaloJson.text(group.path("group_name"));
                }
                String status = ZaloJson.text(group.path("status"));
                groups.upsert(
                        oaId,
                        id,
                        name.isEmpty() ? id : name,
                        status.isEmpty() ? null : status.substring(0, Math.min(32, status.length())),
                        clock.instant());
                count++;
            }
            listed += count;
            offset += count;
            if (count < FollowerSync.PAGE) {
                break;
            }
        }
        return listed;
    }
}
