package vn.binhyen.conversations.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.conversations.ContactVillageSet;
import vn.binhyen.conversations.ConversationChannel;
import vn.binhyen.conversations.ReplyRejectedException;
import vn.binhyen.conversations.VillageSource;
import vn.binhyen.conversations.internal.ThreadStore.ThreadRow;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;

/**
 * Who answers a thread: the area officer of the resident's village when the village is known, otherwise the commune
 * queue (no assignee, seen by the commune's staff and chief). Officers correct the village or reassign by hand.
 */
@Component
public class Assignment {

    private final ThreadStore threads;
    private final Directory directory;
    private final ApplicationEventPublisher events;

    Assignment(ThreadStore threads, Directory directory, ApplicationEventPublisher events) {
        this.threads = threads;
        this.directory = directory;
        this.events = events;
    }

    /** The village's area officer; null (the commune queue) when the village is unknown, elsewhere or uncovered. */
    public @Nullable Long areaOfficerOf(String communeCode, @Nullable Long villageId) {
        if (villageId == null) {
            return null;
        }
        return directory
                .village(villageId)
                .filter(v -> v.communeCode().equals(communeCode))
                .flatMap(v -> directory.areaOfficerOf(v.id()))
                .map(o -> o.id())
                .orElse(null);
    }

    public boolean learn(
            ConversationChannel channel, String accountRef, String contactRef, long villageId, VillageSource source) {
        ThreadRow thread = threads.threadOf(channel, accountRef, contactRef).orElse(null);
        if (thread == null
                || thread.villageSource() == VillageSource.OFFICER
                || Long.valueOf(villageId).equals(thread.villageId())) {
            return false;
        }
        boolean inCommune = directory
                .village(villageId)
                .filter(v -> v.communeCode().equals(thread.communeCode()))
                .isPresent();
        if (!inCommune) {
            return false;
        }
        threads.setVillage(thread.id(), villageId, source, areaOfficerOf(thread.communeCode(), villageId));
        return true;
    }

    /** An officer sets (or clears) the resident's village; the thread goes to that village's area officer. */
    void setByOfficer(AccessScope scope, ThreadRow thread, @Nullable Long villageId) {
        if (villageId != null
                && directory
                        .village(villageId)
                        .filter(v -> v.communeCode().equals(thread.communeCode()))
                        .isEmpty()) {
            throw new ReplyRejectedException("conversations.village.unknown.error", "Village not in the commune");
        }
        threads.setVillage(
                thread.id(), villageId, VillageSource.OFFICER, areaOfficerOf(thread.communeCode(), villageId));
        if (villageId != null) {
            events.publishEvent(
                    new ContactVillageSet(thread.channel(), thread.accountRef(), thread.contactRef(), villageId));
        }
    }

    /**
     * Commune staff, the chief and the province command give a thread to any active officer of its commune, or back
     * to the commune queue; an area officer may only take it themselves.
     */
    void reassign(AccessScope scope, ThreadRow thread, @Nullable Long officerId) {
        if (officerId == null) {
            if (scope.isAreaOfficer()) {
                throw new ReplyRejectedException("conversations.assign.notAllowed", "Area officers cannot unassign");
            }
            threads.assign(thread.id(), null);
            return;
        }
        boolean allowed = directory.officersOf(thread.communeCode()).stream()
                .filter(o -> o.role() != OfficerRole.ADMINISTRATOR)
                .anyMatch(o -> o.id() == officerId && (!scope.isAreaOfficer() || o.id() == scope.officerId()));
        if (!allowed) {
            throw new ReplyRejectedException("conversations.assign.notAllowed", "Officer not assignable");
        }
        threads.assign(thread.id(), officerId);
    }
}
