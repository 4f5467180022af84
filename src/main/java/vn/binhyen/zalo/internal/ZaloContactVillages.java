package vn.binhyen.zalo.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.binhyen.conversations.ContactVillageSet;
import vn.binhyen.conversations.ConversationChannel;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.VillageView;

/**
 * An officer set a resident's village on a Zalo thread: the page remembers it for the follower (bulletin targets) and
 * writes it back to Zalo as the follower's tag, named as the village, taking the follower out of any other village's
 * tag, so the OA's own tools (and the next follower sync) see the same village.
 *
 * <p>Two listeners, so two event publications: remembering the village is ours and cannot wait for Zalo, while the tag
 * needs Zalo and the app's API budget. When Zalo cannot be reached (or the minute's budget is spent) only the tag's
 * listener fails, and the failed publication is retried later ({@code FailedEventsRetry}); the village is already
 * kept. An OA that is not connected or a user who does not follow is left untagged.
 */
@Component
class ZaloContactVillages {

    private static final Logger log = LoggerFactory.getLogger(ZaloContactVillages.class);

    private final FollowerBook followers;
    private final OfficialAccountStore accounts;
    private final Directory directory;
    private final TokenKeeper tokens;
    private final ZaloApiClient api;
    private final ApiBudget budget;
    private final Clock clock;

    ZaloContactVillages(
            FollowerBook followers,
            OfficialAccountStore accounts,
            Directory directory,
            TokenKeeper tokens,
            ZaloApiClient api,
            ApiBudget budget,
            Clock clock) {
        this.followers = followers;
        this.accounts = accounts;
        this.directory = directory;
        this.tokens = tokens;
        this.api = api;
        this.budget = budget;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void remember(ContactVillageSet set) {
        if (set.channel() == ConversationChannel.ZALO) {
            followers.setVillage(set.accountRef(), set.contactRef(), set.villageId(), "OFFICER");
        }
    }

    @ApplicationModuleListener
    void tag(ContactVillageSet set) {
        if (set.channel() == ConversationChannel.ZALO) {
            writeTag(set.accountRef(), set.contactRef(), set.villageId());
        }
    }

    private void writeTag(String oaId, String userId, long villageId) {
        var account = accounts.binding(oaId).orElse(null);
        VillageView village = directory.village(villageId).orElse(null);
        if (account == null || village == null || !village.communeCode().equals(account.communeCode())) {
            return;
        }
        List<String> stale = new ArrayList<>();
        List<String> villageNames = directory.villagesOf(account.communeCode()).stream()
                .map(VillageView::name)
                .toList();
        for (String tag : followers.tagsOf(oaId, userId)) {
            if (!tag.equals(village.name()) && villageNames.contains(tag)) {
                stale.add(tag);
            }
        }
        String token;
        try {
            token = tokens.accessToken(oaId);
        } catch (TokenKeeper.NotConnectedException e) {
            log.info("Village of a follower of OA {} not written to Zalo: the OA is not connected", oaId);
            return;
        }
        if (call(account, token, () -> api.tagFollower(token, userId, village.name()))) {
            followers.addTag(oaId, userId, village.name());
        }
        for (String tag : stale) {
            if (call(account, token, () -> api.untagFollower(token, userId, tag))) {
                followers.removeTag(oaId, userId, tag);
            }
        }
    }

    /** One tag call within the app's budget; a token problem is refreshed once by the next attempt. */
    private boolean call(OfficialAccountStore.Binding account, String token, Supplier<ZaloApiResult> request) {
        if (!budget.tryAcquire(account.appId(), clock.instant())) {
            throw new ZaloUnreachableException("API budget spent for this minute; the tag is written on retry");
        }
        ZaloApiResult result = request.get();
        if (result.tokenProblem()) {
            tokens.refreshAfterRejection(account.oaId(), token);
            throw new ZaloUnreachableException("token refused; the tag is written on retry");
        }
        if (!result.ok()) {
            log.info("Zalo did not tag a follower of OA {}: error {}", account.oaId(), result.error());
            return false;
        }
        return true;
    }
}
