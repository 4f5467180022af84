package vn.binhyen.zalo;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.conversations.ConversationChannel;
import vn.binhyen.conversations.Conversations;
import vn.binhyen.conversations.VillageSource;
import vn.binhyen.directory.CommunityGroupView;
import vn.binhyen.directory.Directory;
import vn.binhyen.zalo.internal.GroupBook;
import vn.binhyen.zalo.internal.GroupBook.GroupRow;
import vn.binhyen.zalo.internal.GroupSync;
import vn.binhyen.zalo.internal.OfficialAccountStore;
import vn.binhyen.zalo.internal.OfficialAccountStore.AccountRow;

/**
 * An OA's Zalo groups (GMF) and the village community groups of the directory they are: administrators list them
 * from Zalo and link each to its village's group; officers open a linked group's thread to post into it.
 */
@Service
public class ZaloCommunityGroups {

    private final OfficialAccountStore accounts;
    private final GroupBook groups;
    private final GroupSync sync;
    private final Directory directory;
    private final Conversations conversations;

    ZaloCommunityGroups(
            OfficialAccountStore accounts,
            GroupBook groups,
            GroupSync sync,
            Directory directory,
            Conversations conversations) {
        this.accounts = accounts;
        this.groups = groups;
        this.sync = sync;
        this.directory = directory;
        this.conversations = conversations;
    }

    public record GroupLink(
            String oaId,
            String oaName,
            String communeCode,
            String groupId,
            String name,
            @Nullable String status,
            @Nullable CommunityGroupView communityGroup) {}

    public int refresh(String oaId) {
        account(oaId);
        return sync.refresh(oaId);
    }

    @Transactional(readOnly = true)
    public List<GroupLink> groupsOf(String oaId) {
        AccountRow account = account(oaId);
        return groups.groupsOf(oaId).stream().map(g -> link(account, g)).toList();
    }

    @Transactional(readOnly = true)
    public List<CommunityGroupView> communityGroupsFor(String oaId) {
        return directory.communityGroupsOf(account(oaId).communeCode());
    }

    /** Links (or unlinks, with null) a Zalo group to one of the commune's community groups. */
    @Transactional
    public void link(String oaId, String groupId, @Nullable Long communityGroupId) {
        AccountRow account = account(oaId);
        groups.group(oaId, groupId).orElseThrow(() -> new ZaloChannelException("zalo.groups.unknown", "No group"));
        Long villageId = null;
        if (communityGroupId != null) {
            var community = directory
                    .communityGroup(communityGroupId)
                    .filter(c -> c.communeCode().equals(account.communeCode()))
                    .orElseThrow(() -> new ZaloChannelException("zalo.groups.otherCommune", "Not the OA's commune"));
            villageId = community.villageId();
        }
        groups.link(oaId, groupId, communityGroupId, villageId);
        if (villageId != null) {
            conversations.learnVillage(ConversationChannel.ZALO, oaId, groupId, villageId, VillageSource.GROUP);
        }
    }

    /** Linked groups of the OAs the officer's scope covers (an area officer: the groups of their villages). */
    @Transactional(readOnly = true)
    public List<GroupLink> linkedGroupsFor(AccessScope scope) {
        return accounts.all().stream()
                .flatMap(account -> groups.groupsOf(account.oaId()).stream()
                        .filter(g -> g.communityGroupId() != null)
                        .filter(g -> scope.covers(account.provinceCode(), account.communeCode(), g.villageId(), null))
                        .map(g -> link(account, g)))
                .toList();
    }

    /** Opens the thread with a linked group in the officer's scope; replies there are posted into the group. */
    @Transactional
    public long openThread(AccessScope scope, String oaId, String groupId) {
        AccountRow account = account(oaId);
        GroupRow group = groups.group(oaId, groupId)
                .filter(g -> g.communityGroupId() != null)
                .filter(g -> scope.covers(account.provinceCode(), account.communeCode(), g.villageId(), null))
                .orElseThrow(() -> new ZaloChannelException("zalo.groups.unknown", "No such linked group"));
        return conversations.openGroupThread(
                ConversationChannel.ZALO,
                oaId,
                group.groupId(),
                account.provinceCode(),
                account.communeCode(),
                group.villageId());
    }

    private AccountRow account(String oaId) {
        return accounts.find(oaId).orElseThrow(() -> new ZaloChannelException("zalo.oa.unknown", "No such OA"));
    }

    private GroupLink link(AccountRow account, GroupRow group) {
        return new GroupLink(
                account.oaId(),
                account.name(),
                account.communeCode(),
                group.groupId(),
                group.name(),
                group.status(),
                group.communityGroupId() == null
                        ? null
                        : directory.communityGroup(group.communityGroupId()).orElse(null));
    }
}
