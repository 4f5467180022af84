package vn.binhyen.insights.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.insights.internal.Unit.Level;

/**
 * Finds units and decides who may see their figures. Reads the directory's tables for names and population in one
 * statement per list (the directory's API answers one unit at a time, too slow for a province's hundred communes).
 */
@Component
@Transactional(readOnly = true)
public class Units {

    private static final Pattern PROVINCE = Pattern.compile("[0-9]{2}");
    private static final Pattern COMMUNE = Pattern.compile("[0-9]{5}");
    private static final Pattern VILLAGE = Pattern.compile("[0-9]{1,18}");

    private static final String COMMUNES = """
            SELECT c.code, c.name, c.province_code,
                   coalesce(c.population::bigint, (SELECT sum(v.population) FROM directory.villages v
                                                    WHERE v.commune_code = c.code)) AS population
              FROM directory.administrative_units c WHERE c.level = 'COMMUNE'
            """;

    private final JdbcClient jdbc;

    Units(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A unit by its level and key; empty when the key is malformed or names nothing. */
    public Optional<Unit> find(Level level, String key) {
        return switch (level) {
            case PROVINCE ->
                PROVINCE.matcher(key).matches()
                        ? jdbc.sql("""
                                        SELECT p.code, p.name, coalesce(p.population::bigint,
                                               (SELECT sum(v.population) FROM directory.villages v
                                                  JOIN directory.administrative_units c ON c.code = v.commune_code
                                                 WHERE c.province_code = p.code)) AS population
                                          FROM directory.administrative_units p WHERE p.level = 'PROVINCE' AND p.code = ?
                                        """)
                                .param(key)
                                .query((rs, n) -> new Unit(
                                        Level.PROVINCE,
                                        rs.getString("code"),
                                        rs.getString("name"),
                                        rs.getString("code"),
                                        null,
                                        rs.getObject("population", Long.class)))
                                .optional()
                        : Optional.empty();
            case COMMUNE ->
                COMMUNE.matcher(key).matches()
                        ? jdbc.sql(COMMUNES + " AND c.code = ?")
                                .param(key)
                                .query(Units::commune)
                                .optional()
                        : Optional.empty();
            case VILLAGE ->
                VILLAGE.matcher(key).matches()
                        ? jdbc.sql("""
                                        SELECT v.id, v.name, v.commune_code, c.province_code, v.population::bigint AS population
                                          FROM directory.villages v
                                          JOIN directory.administrative_units c ON c.code = v.commune_code
                                         WHERE v.id = ?
                                        """)
                                .param(Long.parseLong(key))
                                .query(Units::village)
                                .optional()
                        : Optional.empty();
        };
    }

    /** The communes of a province or the villages of a commune, by name. */
    public List<Unit> children(Unit unit) {
        return switch (unit.level()) {
            case PROVINCE ->
                jdbc.sql(COMMUNES + " AND c.province_code = ? ORDER BY c.name")
                        .param(unit.key())
                        .query(Units::commune)
                        .list();
            case COMMUNE ->
                jdbc.sql("""
                                SELECT v.id, v.name, v.commune_code, c.province_code, v.population::bigint AS population
                                  FROM directory.villages v
                                  JOIN directory.administrative_units c ON c.code = v.commune_code
                                 WHERE v.commune_code = ? ORDER BY v.name
                                """).param(unit.key()).query(Units::village).list();
            case VILLAGE -> List.of();
        };
    }

    /** The unit and those above it, province first: the breadcrumbs of a dashboard. */
    public List<Unit> lineage(Unit unit) {
        return switch (unit.level()) {
            case PROVINCE -> List.of(unit);
            case COMMUNE ->
                find(Level.PROVINCE, unit.provinceCode())
                        .map(p -> List.of(p, unit))
                        .orElse(List.of(unit));
            case VILLAGE -> {
                var commune = find(Level.COMMUNE, unit.communeCode()).orElseThrow();
                yield find(Level.PROVINCE, unit.provinceCode())
                        .map(p -> List.of(p, commune, unit))
                        .orElse(List.of(commune, unit));
            }
        };
    }

    /**
     * Whether an officer may see a unit's figures: the province command its province and everything in it; commune
     * staff and chiefs their commune and its villages; an area officer the villages they cover. Aggregates are no
     * personal data, but a unit's workload is still the unit's own business.
     */
    public static boolean visible(AccessScope scope, Unit unit) {
        return switch (scope.role()) {
            case PROVINCE_COMMAND -> scope.provinceCode().equals(unit.provinceCode());
            case COMMUNE_CHIEF, COMMUNE_STAFF ->
                unit.level() != Level.PROVINCE && scope.unitCode().equals(unit.communeCode());
            case AREA_OFFICER ->
                unit.level() == Level.VILLAGE && scope.villageIds().contains(Long.parseLong(unit.key()));
            case ADMINISTRATOR -> false;
        };
    }

    /** Where an officer's dashboard opens. */
    public Optional<Unit> home(AccessScope scope) {
        return switch (scope.role()) {
            case PROVINCE_COMMAND -> find(Level.PROVINCE, scope.provinceCode());
            case COMMUNE_CHIEF, COMMUNE_STAFF -> find(Level.COMMUNE, scope.unitCode());
            case AREA_OFFICER ->
                scope.villageIds().stream().sorted().findFirst().flatMap(v -> find(Level.VILLAGE, v.toString()));
            case ADMINISTRATOR -> Optional.empty();
        };
    }

    private static Unit commune(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Unit(
                Level.COMMUNE,
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("province_code"),
                rs.getString("code"),
                rs.getObject("population", Long.class));
    }

    private static Unit village(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Unit(
                Level.VILLAGE,
                Long.toString(rs.getLong("id")),
                rs.getString("name"),
                rs.getString("province_code"),
                rs.getString("commune_code"),
                rs.getObject("population", Long.class));
    }
}
