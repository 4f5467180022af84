package vn.binhyen.incidents.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.incidents.IncidentActionException;
import vn.binhyen.incidents.WatchCategory;
import vn.binhyen.incidents.internal.UnitSettings.Settings;
import vn.binhyen.shared.text.VietnameseText;

/**
 * What a commune unit maintains for early warning: its watch terms, its gazetteer of landmarks, which village each
 * group belongs to, and its threshold, window and radius. Only the commune's chief and staff change them.
 */
@Service
public class UnitWatchSetup {

    public record Landmark(
            long id,
            String name,
            @Nullable Long villageId,
            @Nullable Double latitude,
            @Nullable Double longitude) {}

    public record GroupPlace(String groupRef, @Nullable Long villageId, long signals) {}

    private final JdbcClient jdbc;
    private final WatchTerms terms;
    private final Places places;
    private final UnitSettings settings;

    UnitWatchSetup(JdbcClient jdbc, WatchTerms terms, Places places, UnitSettings settings) {
        this.jdbc = jdbc;
        this.terms = terms;
        this.places = places;
        this.settings = settings;
    }

    public static boolean canChange(AccessScope scope) {
        return scope.role() == OfficerRole.COMMUNE_CHIEF || scope.role() == OfficerRole.COMMUNE_STAFF;
    }

    public List<WatchTerms.Term> terms(AccessScope scope) {
        return terms.effective(unit(scope));
    }

    public Settings settings(AccessScope scope) {
        return settings.of(unit(scope));
    }

    @Transactional
    public void saveSettings(AccessScope scope, Settings values) {
        settings.save(unit(scope), values);
    }

    /** Adds or re-weighs a term for this unit (weight 0 switches a default off). */
    @Transactional
    public void saveTerm(AccessScope scope, WatchCategory category, String term, String variants, double weight) {
        String commune = unit(scope);
        String wording = term.strip();
        if (VietnameseText.fold(wording).length() < 2 || wording.length() > 60 || variants.length() > 500) {
            throw new IncidentActionException("incidents.error.term", "Bad term");
        }
        if (!(weight >= 0 && weight <= 20)) {
            throw new IncidentActionException("incidents.error.weight", "Bad weight");
        }
        jdbc.sql("""
                        INSERT INTO incidents.watch_terms (commune_code, category, term, variants, weight)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (coalesce(commune_code, ''), lower(term))
                        DO UPDATE SET category = EXCLUDED.category, variants = EXCLUDED.variants, weight = EXCLUDED.weight
                        """)
                .params(commune, category.name(), wording, variants.strip(), weight)
                .update();
        terms.forget(commune);
    }

    @Transactional
    public void removeTerm(AccessScope scope, long id) {
        String commune = unit(scope);
        jdbc.sql("DELETE FROM incidents.watch_terms WHERE id = ? AND commune_code = ?")
                .params(id, commune)
                .update();
        terms.forget(commune);
    }

    public List<Landmark> landmarks(AccessScope scope) {
        return jdbc.sql("SELECT id, name, village_id, latitude, longitude FROM incidents.gazetteer"
                        + " WHERE commune_code = ? ORDER BY name")
                .param(unit(scope))
                .query((rs, n) -> new Landmark(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, Long.class),
                        rs.getObject(4, Double.class),
                        rs.getObject(5, Double.class)))
                .list();
    }

    @Transactional
    public void saveLandmark(
            AccessScope scope,
            String name,
            @Nullable Long villageId,
            @Nullable Double latitude,
            @Nullable Double longitude) {
        addLandmark(unit(scope), name, villageId, latitude, longitude);
    }

    /** For the unit's own page and for seeding (demo, tests). */
    @Transactional
    public void addLandmark(
            String communeCode,
            String name,
            @Nullable Long villageId,
            @Nullable Double latitude,
            @Nullable Double longitude) {
        String wording = name.strip();
        String folded = VietnameseText.fold(wording);
        if (folded.length() < 3 || wording.length() > 120) {
            throw new IncidentActionException("incidents.error.landmark", "Bad landmark");
        }
        if (villageId != null && places.village(communeCode, villageId).isEmpty()) {
            throw new IncidentActionException("incidents.error.village", "Village not of this commune");
        }
        if ((latitude == null) != (longitude == null)
                || (latitude != null && !(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180))) { // NaN: outside
            throw new IncidentActionException("incidents.error.location", "Bad location");
        }
        jdbc.sql("""
                        INSERT INTO incidents.gazetteer (commune_code, name, folded, village_id, latitude, longitude)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (commune_code, folded) DO UPDATE SET name = EXCLUDED.name,
                            village_id = EXCLUDED.village_id, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude
                        """)
                .params(communeCode, wording, folded, villageId, latitude, longitude)
                .update();
        places.forget(communeCode);
    }

    @Transactional
    public void removeLandmark(AccessScope scope, long id) {
        String commune = unit(scope);
        jdbc.sql("DELETE FROM incidents.gazetteer WHERE id = ? AND commune_code = ?")
                .params(id, commune)
                .update();
        places.forget(commune);
    }

    /** Groups the unit has heard from, with the village each belongs to (null: not set yet). */
    public List<GroupPlace> groups(AccessScope scope) {
        String commune = unit(scope);
        return jdbc.sql("""
                        SELECT g.ref, p.village_id, g.n FROM (
                            SELECT substr(source_key, 7) AS ref, count(*) AS n FROM incidents.signals
                             WHERE commune_code = ? AND source = 'GROUP' AND source_key LIKE 'group:%'
                             GROUP BY source_key) g
                          LEFT JOIN incidents.group_places p ON p.group_ref = g.ref AND p.commune_code = ?
                         ORDER BY p.village_id NULLS FIRST, g.n DESC LIMIT 200
                        """)
                .params(commune, commune)
                .query((rs, n) -> new GroupPlace(rs.getString(1), rs.getObject(2, Long.class), rs.getLong(3)))
                .list();
    }

    /**
     * Places one of the unit's own groups: one it heard from through its own Zalo page (a group's messages carry the
     * commune of the page they came through), which is what its setup page lists. A group ref is one number for the
     * whole country and easy to guess, so a unit must not reach another commune's group, nor one nobody heard from.
     */
    @Transactional
    public void placeGroup(AccessScope scope, String groupRef, long villageId) {
        String commune = unit(scope);
        if (!heardFrom(commune, groupRef)) {
            throw new IncidentActionException("incidents.error.group", "Group not heard through this commune's page");
        }
        placeGroup(commune, groupRef, villageId);
    }

    /** Places a group for a commune (the unit's page above, and seeding). Never moves another commune's group. */
    @Transactional
    public void placeGroup(String communeCode, String groupRef, long villageId) {
        if (!groupRef.matches("[0-9A-Za-z_-]{1,64}")
                || places.village(communeCode, villageId).isEmpty()) {
            throw new IncidentActionException("incidents.error.village", "Village not of this commune");
        }
        // The row of a group placed by another commune stays as it is (no row changes): refused below.
        int placed = jdbc.sql("""
                        INSERT INTO incidents.group_places (group_ref, commune_code, village_id) VALUES (?, ?, ?)
                        ON CONFLICT (group_ref) DO UPDATE SET village_id = EXCLUDED.village_id, updated_at = now()
                         WHERE incidents.group_places.commune_code = EXCLUDED.commune_code
                        """).params(groupRef, communeCode, villageId).update();
        if (placed == 0) {
            throw new IncidentActionException("incidents.error.group", "Group placed by another commune");
        }
        places.forget(communeCode);
    }

    /** Whether a message of the group reached this commune: its signals are the commune's own (see groups()). */
    private boolean heardFrom(String communeCode, String groupRef) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM incidents.signals
                                        WHERE commune_code = ? AND source = 'GROUP' AND source_key = ?)
                        """)
                .params(communeCode, "group:" + groupRef)
                .query(Boolean.class)
                .single();
    }

    private static String unit(AccessScope scope) {
        if (!canChange(scope)) {
            throw new IncidentActionException("incidents.error.settings", "Only commune units maintain watch settings");
        }
        return scope.unitCode();
    }
}
