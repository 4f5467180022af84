package vn.binhyen.conversations.internal;

import java.util.Map;
import vn.binhyen.accounts.AccessScope;

/**
 * The SQL condition that limits threads to an officer's scope, built on the server for every list. An area officer
 * sees threads assigned to them and threads of the villages they cover (as {@link AccessScope#covers}); commune staff their commune; the province command their province; an administrator
 * no conversation content.
 */
public record ScopeCondition(String sql, Map<String, Object> params) {

    public static ScopeCondition of(AccessScope scope) {
        return switch (scope.role()) {
            case AREA_OFFICER ->
                scope.villageIds().isEmpty()
                        ? new ScopeCondition("t.assigned_officer_id = :officer", Map.of("officer", scope.officerId()))
                        : new ScopeCondition(
                                "(t.assigned_officer_id = :officer OR t.village_id IN (:villages))",
                                Map.of("officer", scope.officerId(), "villages", scope.villageIds()));
            case COMMUNE_STAFF, COMMUNE_CHIEF ->
                new ScopeCondition("t.commune_code = :commune", Map.of("commune", scope.unitCode()));
            case PROVINCE_COMMAND ->
                new ScopeCondition("t.province_code = :province", Map.of("province", scope.provinceCode()));
            case ADMINISTRATOR -> new ScopeCondition("FALSE", Map.of());
        };
    }
}
