package vn.binhyen.bulletins;

import java.util.Set;

/**
 * Who a bulletin is for: the whole province, whole communes, single villages, or a mix of communes and villages.
 *
 * @param toFollowers send a consultation message to the page's followers (in the villages, for a village audience)
 * @param toGroups send a group message to the audience villages' Zalo groups
 */
public record Audience(
        boolean provinceWide, Set<String> communeCodes, Set<Long> villageIds, boolean toFollowers, boolean toGroups) {

    public Audience {
        communeCodes = Set.copyOf(communeCodes);
        villageIds = Set.copyOf(villageIds);
    }

    public static Audience villages(Set<Long> villageIds) {
        return new Audience(false, Set.of(), villageIds, true, true);
    }

    public static Audience communes(Set<String> communeCodes) {
        return new Audience(false, communeCodes, Set.of(), true, true);
    }

    public boolean isEmpty() {
        return !provinceWide && communeCodes.isEmpty() && villageIds.isEmpty();
    }
}
