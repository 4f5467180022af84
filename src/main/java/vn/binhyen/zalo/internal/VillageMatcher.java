package vn.binhyen.zalo.internal;

import java.util.Collection;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.VillageView;
import vn.binhyen.shared.text.VietnameseText;

/**
 * Finds the commune's village a follower tag or an address names. Both are compared folded (no diacritics, lower
 * case) and as whole words, so the tag "Thôn 3" or the address "thon 3, xa Ea Kao" name "Thôn 3" and never
 * "Thôn 13"; when several villages fit, the longest name wins ("Buôn Ea Kao" before "Ea Kao").
 */
@Component
public class VillageMatcher {

    private final Directory directory;

    VillageMatcher(Directory directory) {
        this.directory = directory;
    }

    public Optional<VillageView> match(String communeCode, Collection<String> texts) {
        var villages = directory.villagesOf(communeCode);
        VillageView best = null;
        int bestLength = 0;
        for (String text : texts) {
            String haystack = " " + VietnameseText.fold(text) + " ";
            if (haystack.isBlank()) {
                continue;
            }
            for (VillageView village : villages) {
                String needle = VietnameseText.fold(village.name());
                if (!needle.isEmpty() && haystack.contains(" " + needle + " ") && needle.length() > bestLength) {
                    best = village;
                    bestLength = needle.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
