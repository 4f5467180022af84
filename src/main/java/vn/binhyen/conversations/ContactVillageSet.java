package vn.binhyen.conversations;

/**
 * Published when an officer sets a resident's village on a thread, so the channel can remember it for the resident
 * (for example as a follower tag that bulletins target). Carries channel ids only, no name or phone.
 */
public record ContactVillageSet(ConversationChannel channel, String accountRef, String contactRef, long villageId) {

    @Override
    public String toString() {
        return "ContactVillageSet[" + channel + ", village " + villageId + "]";
    }
}
