package vn.binhyen.zalo.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.binhyen.conversations.ContactVillageSet;
import vn.binhyen.conversations.ConversationChannel;

/** An officer set a resident's village on a Zalo thread: the page remembers it for the follower (bulletin targets). */
@Component
class ZaloContactVillages {

    private final FollowerBook followers;

    ZaloContactVillages(FollowerBook followers) {
        this.followers = followers;
    }

    @ApplicationModuleListener
    void on(ContactVillageSet set) {
        if (set.channel() == ConversationChannel.ZALO) {
            followers.setVillage(set.accountRef(), set.contactRef(), set.villageId(), "OFFICER");
        }
    }
}
