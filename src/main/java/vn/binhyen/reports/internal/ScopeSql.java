package vn.binhyen.reports.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.binhyen.accounts.AccessScope;

/**
 * The SQL form of an {@link AccessScope} over {@code reports.tips t}: the same rule as {@code AccessScope.covers}.
 *
 * @param predicate the whole scope as one condition
 * @param parts the same scope cut into conditions that never match the same tip and together match exactly what
 *     {@code predicate} matches, each answerable by one index in inbox order (urgent, newest first). An area officer's
 *     "my villages or assigned to me" is an OR that no index can return in order, so the inbox reads one part per
 *     village and one for the tips assigned to the officer elsewhere, and merges them. Every other scope is one part.
 * @param docketUnit the unit the scope lies in, as a condition on {@code reports.dockets d}: it matches every docket of
 *     a tip in scope (and maybe more), so that each unit's clocks are read from that unit's own indexes. An area
 *     officer's unit is their commune: their villages are the commune's, and a tip is only ever assigned to an officer
 *     of its commune ({@code TipConsole.assignableOfficers}, {@code Assignment.reassign}).
 * @param docketUnitIsScope whether {@code docketUnit} matches exactly the dockets of the tips in scope (a commune's or a
 *     province's: a docket's unit is its tip's, by constraint), so that the tips need not be read to apply the scope
 * @param params the parameters of every form
 */
record ScopeSql(
        String predicate,
        List<String> parts,
        String docketUnit,
        boolean docketUnitIsScope,
        Map<String, Object> params) {

    ScopeSql(String predicate, String docketUnit, boolean docketUnitIsScope, Map<String, Object> params) {
        this(predicate, List.of(predicate), docketUnit, docketUnitIsScope, params);
    }

    static ScopeSql of(AccessScope scope) {
        return switch (scope.role()) {
            case AREA_OFFICER ->
                scope.villageIds().isEmpty()
                        ? new ScopeSql(
                                "t.assigned_officer_id = :scopeOfficer",
                                "d.commune_code = :scopeCommune",
                                false,
                                Map.of("scopeOfficer", scope.officerId(), "scopeCommune", scope.unitCode()))
                        : areaOfficer(scope);
            case COMMUNE_STAFF, COMMUNE_CHIEF ->
                new ScopeSql(
                        "t.commune_code = :scopeCommune",
                        "d.commune_code = :scopeCommune",
                        true,
                        Map.of("scopeCommune", scope.unitCode()));
            case PROVINCE_COMMAND ->
                new ScopeSql(
                        "t.province_code = :scopeProvince",
                        "d.province_code = :scopeProvince",
                        true,
                        Map.of("scopeProvince", scope.provinceCode()));
            case ADMINISTRATOR -> new ScopeSql("FALSE", "FALSE", true, Map.of());
        };
    }

    private static ScopeSql areaOfficer(AccessScope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("scopeVillages", scope.villageIds());
        params.put("scopeOfficer", scope.officerId());
        params.put("scopeCommune", scope.unitCode());
        List<String> parts = new ArrayList<>();
        // Sorted, so that the same officer always sends the same SQL text (one prepared statement, not several).
        List<Long> villages = scope.villageIds().stream().sorted().toList();
        for (int i = 0; i < villages.size(); i++) {
            parts.add("t.village_id = :scopeVillage" + i);
            params.put("scopeVillage" + i, villages.get(i));
        }
        parts.add("t.assigned_officer_id = :scopeOfficer"
                + " AND (t.village_id IS NULL OR t.village_id NOT IN (:scopeVillages))");
        return new ScopeSql(
                "(t.village_id IN (:scopeVillages) OR t.assigned_officer_id = :scopeOfficer)",
                List.copyOf(parts),
                "d.commune_code = :scopeCommune",
                false,
                Map.copyOf(params));
    }
}
