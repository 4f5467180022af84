package vn.binhyen.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who covers which village (địa bàn phụ trách): the area officer of each village or residential group of a commune.
 * It decides what an area officer sees (their scope is read again on every request, so a change applies to both
 * officers' next page) and who gets the village's new tips ({@link Directory#areaOfficerOf}). Tips already assigned stay
 * with whoever has them until someone reassigns them. The commune's chief sets it, one area officer per village or
 * none; who may is the caller's to check, and every change publishes a {@link JurisdictionChanged} for the audit log.
 * The database refuses a village outside the officer's commune, whatever writes it.
 */
@Service
@Transactional(readOnly = true)
public class Jurisdictions {

    /** A village and the officers who cover it (usually one; none while the post is vacant). */
    public record VillageArea(VillageView village, List<OfficerView> officers) {

        /** In service and nobody covers it (a retired village's open tips stay with whoever covered it). */
        public boolean vacant() {
            return officers.isEmpty() && !village.retired();
        }
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final ApplicationEventPublisher events;

    Jurisdictions(JdbcClient jdbc, Directory directory, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.events = events;
    }

    /** Every village of the commune, those in service first, by name, with whoever covers it. */
    public List<VillageArea> of(String communeCode) {
        Map<Long, List<Long>> covering = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT j.village_id, j.officer_id FROM directory.jurisdictions j
                          JOIN directory.villages v ON v.id = j.village_id
                         WHERE v.commune_code = ? ORDER BY j.officer_id
                        """)
                .param(communeCode)
                .query((rs, n) -> covering.computeIfAbsent(rs.getLong(1), v -> new ArrayList<>())
                        .add(rs.getLong(2)))
                .list();
        Map<Long, OfficerView> officers =
                directory
                        .officers(
                                covering.values().stream().flatMap(List::stream).collect(Collectors.toSet()))
                        .stream()
                        .collect(Collectors.toMap(OfficerView::id, Function.identity()));
        return directory.allVillagesOf(communeCode).stream()
                .map(v -> new VillageArea(
                        v,
                        covering.getOrDefault(v.id(), List.of()).stream()
                                .map(officers::get)
                                .filter(Objects::nonNull)
                                .toList()))
                .toList();
    }

    /** The officers a village of this commune may be given to: its unit's active area officers, by name. */
    public List<OfficerView> areaOfficers(String communeCode) {
        return directory.officersOf(communeCode).stream()
                .filter(o -> o.role() == OfficerRole.AREA_OFFICER)
                .toList();
    }

    /**
     * Gives a village of the commune to one area officer, or to none ({@code officerId} null). Empty when the village is
     * not the commune's (a forged id); false when nothing changed; refused with a {@link JurisdictionException} when
     * the officer is not an active area officer of the commune's unit. With {@code handOverOpenTips} the village's open
     * tips that the officers before hold go to the new officer too.
     */
    @Transactional
    public Optional<Boolean> assign(
            String communeCode,
            long villageId,
            @Nullable Long officerId,
            boolean handOverOpenTips,
            String byUsername,
            long byOfficerId) {
        var village = directory.village(villageId).filter(v -> v.communeCode().equals(communeCode));
        if (village.isEmpty()) {
            return Optional.empty();
        }
        if (officerId != null && areaOfficers(communeCode).stream().noneMatch(o -> o.id() == officerId)) {
            throw new JurisdictionException(
                    "areas.error.officer", "Officer " + officerId + " is no area officer of " + communeCode);
        }
        // Locks the village's row: two chiefs saving at once change it one after the other.
        jdbc.sql("SELECT id FROM directory.villages WHERE id = ? FOR UPDATE")
                .param(villageId)
                .query(Long.class)
                .single();
        List<Long> before = jdbc.sql("SELECT officer_id FROM directory.jurisdictions WHERE village_id = ? ORDER BY 1")
                .param(villageId)
                .query(Long.class)
                .list();
        if (officerId == null ? before.isEmpty() : before.equals(List.of(officerId))) {
            return Optional.of(false);
        }
        jdbc.sql("DELETE FROM directory.jurisdictions WHERE village_id = ?")
                .param(villageId)
                .update();
        if (officerId != null) {
            jdbc.sql("INSERT INTO directory.jurisdictions (officer_id, village_id) VALUES (?, ?)")
                    .params(officerId, villageId)
                    .update();
        }
        events.publishEvent(new JurisdictionChanged(
                byUsername,
                byOfficerId,
                communeCode,
                villageId,
                village.get().name(),
                before,
                officerId,
                handOverOpenTips && officerId != null));
        return Optional.of(true);
    }
}
