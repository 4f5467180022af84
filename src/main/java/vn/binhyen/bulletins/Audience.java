package vn.binhyen.bulletins;

import java.util.Set;

/**
 * Who a bulletin is for: the whole province, whole communes, single villages, or a mix of communes and villages.
 *
 * @param toFollowers send a consultation message to the page's followers (in the villages, for a village audience)
 * @param toGroups send a group message to the audience villages' Zalo groups
 * @param toArticle publish an article on each whole commune's Zalo page (not for single villages)
 * @param toBroadcast broadcast that article to the pages' followers (province-wide bulletins only; implies the
 *     article)
 */
public record Audience(
        boolean provinceWide,
        Set<String> communeCodes,
        Set<Long> villageIds,
        boolean toFollowers,
        boolean toGroups,
        boolean toArticle,
        boolean toBroadcast) {

    public Audience {
        communeCodes = Set.copyOf(communeCodes);
        villageIds = Set.copyOf(villageIds);
        toArticle = toArticle || toBroadcast;
    }

    /** Messages and group messages only, no article. */
    public Audience(
            boolean provinceWide,
            Set<String> communeCodes,
            Set<Long> villageIds,
            boolean toFollowers,
            boolean toGroups) {
        this(provinceWide, communeCodes, villageIds, toFollowers, toGroups, false, false);
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
