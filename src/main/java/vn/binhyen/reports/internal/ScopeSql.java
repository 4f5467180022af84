package vn.binhyen.reports.internal;

import java.util.Map;
import vn.binhyen.accounts.AccessScope;

/** The SQL form of an {@link AccessScope} over {@code reports.tips t}: the same rule as {@code AccessScope.covers}. */
record ScopeSql(String predicate, Map<String, Object> params) {

    static ScopeSql of(AccessScope scope) {
        return switch (scope.role()) {
            case AREA_OFFICER ->
                scope.villageIds().isEmpty()
                        ? new ScopeSql("t.assigned_officer_id = :scopeOfficer", Map.of("scopeOfficer", scope.officerId()))
                        : new ScopeSql(
                                "(t.village_id IN (:scopeVillages) OR t.assigned_officer_id = :scopeOfficer)",
                                Map.of("scopeVillages", scope.villageIds(), "scopeOfficer", scope.officerId()));
            case COMMUNE_STAFF, COMMUNE_CHIEF ->
                new ScopeSql("t.commune_code = :scopeCommune", Map.of("scopeCommune", scope.unitCode()));
            case PROVINCE_COMMAND ->
                new ScopeSql("t.province_code = :scopeProvince", Map.of("scopeProvince", scope.provinceCode()));
            case ADMINISTRATOR -> new ScopeSql("FALSE", Map.of());
        };
    }
}
