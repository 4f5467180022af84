package vn.binhyen.bulletins.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.bulletins.Audience;
import vn.binhyen.bulletins.BulletinException;
import vn.binhyen.directory.CommuneView;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;

/**
 * Who may send what to whom. An officer targets only inside their own units: commune officers their commune (any of
 * its villages, or all of it), the province command its province. Approval:
 *
 * <ul>
 *   <li>an area officer's bulletin to villages they cover goes out directly; anything wider needs the commune chief;
 *   <li>commune staff always need the chief; the chief and the province command need nobody;
 *   <li>only the province command writes to several communes or the whole province;
 *   <li>an urgent alert may skip approval, and is then reviewed afterwards by whoever would have approved it.
 * </ul>
 *
 * Channels: an article on the commune's Zalo page only for whole communes (or the province); its broadcast only for
 * a province-wide bulletin, which only the province command writes.
 */
@Component
public class AudiencePolicy {

    private final Directory directory;

    AudiencePolicy(Directory directory) {
        this.directory = directory;
    }

    /**
     * The audience checked against the author's scope and resolved to communes.
     *
     * @param wholeCommunes communes targeted as a whole (all of the province's for a province-wide bulletin)
     * @param villages the villages targeted one by one, by commune
     * @param homeCommune the one commune it is all in, or null when it spans several
     */
    public record Resolved(
            String provinceCode,
            @Nullable String homeCommune,
            boolean provinceWide,
            Set<String> wholeCommunes,
            Map<String, Set<Long>> villages,
            boolean needsApproval) {

        public Set<String> communes() {
            Set<String> all = new TreeSet<>(wholeCommunes);
            all.addAll(villages.keySet());
            return all;
        }
    }

    public Resolved resolve(AccessScope scope, Audience audience) {
        if (scope.role() == OfficerRole.ADMINISTRATOR) {
            throw new BulletinException("bulletins.error.notAnAuthor", "Administrators do not write bulletins");
        }
        if (audience.isEmpty()) {
            throw new BulletinException("bulletins.error.audienceEmpty", "No audience chosen");
        }
        boolean province = scope.role() == OfficerRole.PROVINCE_COMMAND;
        if (audience.provinceWide() && !province) {
            throw outside();
        }
        Set<String> whole = new TreeSet<>();
        Map<String, Set<Long>> villages = new TreeMap<>();
        for (String code : audience.communeCodes()) {
            CommuneView commune = directory.commune(code).orElseThrow(AudiencePolicy::outside);
            requireInside(scope, commune);
            whole.add(commune.code());
        }
        for (Long id : audience.villageIds()) {
            var village = directory.village(id).orElseThrow(AudiencePolicy::outside);
            CommuneView commune = directory.commune(village.communeCode()).orElseThrow(AudiencePolicy::outside);
            requireInside(scope, commune);
            if (!whole.contains(commune.code())) {
                villages.computeIfAbsent(commune.code(), c -> new TreeSet<>()).add(id);
            }
        }
        if (audience.provinceWide()) {
            whole.clear();
            whole.addAll(directory.communeCodesOf(scope.provinceCode()));
            villages.clear();
        }
        if (audience.toBroadcast() && !audience.provinceWide()) {
            // Zalo's broadcast targets cities, not villages or communes: it fits a province-wide bulletin only.
            throw new BulletinException("bulletins.error.broadcastProvinceOnly", "Broadcast only province-wide");
        }
        if (audience.toArticle() && whole.isEmpty()) {
            // An article on the commune's page is read by all its followers, so it is for whole communes only.
            throw new BulletinException("bulletins.error.articleWholeCommune", "Article only to whole communes");
        }
        Set<String> communes = new TreeSet<>(whole);
        communes.addAll(villages.keySet());
        if (!province && communes.size() > 1) {
            throw outside();
        }
        String home = !audience.provinceWide() && communes.size() == 1
                ? communes.iterator().next()
                : null;
        boolean needsApproval = switch (scope.role()) {
            case COMMUNE_CHIEF, PROVINCE_COMMAND -> false;
            case AREA_OFFICER -> !whole.isEmpty() || !scope.villageIds().containsAll(audience.villageIds());
            default -> true;
        };
        return new Resolved(scope.provinceCode(), home, audience.provinceWide(), whole, villages, needsApproval);
    }

    /** Whether this officer decides on a bulletin with this reach (the commune chief, or the province command). */
    public boolean canApprove(AccessScope scope, String provinceCode, @Nullable String homeCommune, long authorId) {
        if (scope.officerId() == authorId) {
            return false;
        }
        return switch (scope.role()) {
            case COMMUNE_CHIEF -> homeCommune != null && scope.unitCode().equals(homeCommune);
            case PROVINCE_COMMAND -> scope.provinceCode().equals(provinceCode);
            default -> false;
        };
    }

    private static void requireInside(AccessScope scope, CommuneView commune) {
        boolean inside = scope.role() == OfficerRole.PROVINCE_COMMAND
                ? scope.provinceCode().equals(commune.provinceCode())
                : scope.unitCode().equals(commune.code());
        if (!inside) {
            throw outside();
        }
    }

    private static BulletinException outside() {
        return new BulletinException("bulletins.error.audienceOutside", "Audience outside the author's units");
    }
}
