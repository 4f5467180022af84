package vn.binhyen.directory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The directory's API for other modules: who and where, read-only. */
@Service
@Transactional(readOnly = true)
public class Directory {

    private static final String COMMUNE_SELECT = """
            SELECT c.code, c.name, c.full_name, c.province_code, p.name AS province_name, c.remote,
                   u.name AS unit_name, u.address, u.phone, u.email, u.zalo_page
              FROM directory.administrative_units c
              JOIN directory.administrative_units p ON p.code = c.province_code
              LEFT JOIN directory.police_units u ON u.unit_code = c.code
            """;

    private static final String OFFICER_SELECT = """
            SELECT o.id, o.full_name, o.rank, o.role, o.police_unit_id, u.unit_code, u.name AS unit_name,
                   a.province_code
              FROM directory.officers o
              JOIN directory.police_units u ON u.id = o.police_unit_id
              JOIN directory.administrative_units a ON a.code = u.unit_code
            """;

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CommuneView> commune(String code) {
        return jdbc.sql(COMMUNE_SELECT + " WHERE c.code = ? AND c.level = 'COMMUNE'")
                .param(code)
                .query(Directory::commune)
                .optional();
    }

    public List<CommuneView> communesOf(String provinceCode) {
        return jdbc.sql(COMMUNE_SELECT + " WHERE c.province_code = ? AND c.level = 'COMMUNE' ORDER BY c.name")
                .param(provinceCode)
                .query(Directory::commune)
                .list();
    }

    /** Communes that have at least one village registered: where BinhYen is in use. */
    public List<CommuneView> communesInService() {
        return jdbc.sql(COMMUNE_SELECT
                        + " WHERE c.level = 'COMMUNE' AND EXISTS"
                        + " (SELECT 1 FROM directory.villages v WHERE v.commune_code = c.code) ORDER BY c.name")
                .query(Directory::commune)
                .list();
    }

    /** The commune's villages in service: what residents choose from, and officers for anything new. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<VillageView> villagesOf(String communeCode) {
        return jdbc.sql("SELECT * FROM directory.villages WHERE commune_code = ? AND retired_at IS NULL ORDER BY name")
                .param(communeCode)
                .query(Directory::village)
                .list();
    }

    /**
     * Every village the commune has had, retired ones too: for filters over old tips and for showing the village of
     * something recorded before it left service.
     */
    // One statement: a transaction of its own would add a round trip (COMMIT) to every inbox page.
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<VillageView> allVillagesOf(String communeCode) {
        return jdbc.sql("SELECT * FROM directory.villages WHERE commune_code = ? ORDER BY retired_at NULLS FIRST, name")
                .param(communeCode)
                .query(Directory::village)
                .list();
    }

    public Optional<VillageView> village(long id) {
        return jdbc.sql("SELECT * FROM directory.villages WHERE id = ?")
                .param(id)
                .query(Directory::village)
                .optional();
    }

    public Optional<OfficerView> officer(long id) {
        return jdbc.sql(OFFICER_SELECT + " WHERE o.id = ?")
                .param(id)
                .query(Directory::officer)
                .optional();
    }

    public List<OfficerView> officersOf(String unitCode) {
        return jdbc.sql(OFFICER_SELECT + " WHERE u.unit_code = ? AND o.active ORDER BY o.role, o.full_name")
                .param(unitCode)
                .query(Directory::officer)
                .list();
    }

    /** Officers of a unit who no longer serve there (deactivated), by name: kept, since their work stays theirs. */
    public List<OfficerView> formerOfficersOf(String unitCode) {
        return jdbc.sql(OFFICER_SELECT + " WHERE u.unit_code = ? AND NOT o.active ORDER BY o.full_name")
                .param(unitCode)
                .query(Directory::officer)
                .list();
    }

    /**
     * Adds an officer to the police unit of a commune or province; empty when the unit has no police unit. The caller
     * (accounts) checks who may, that the role fits the unit, and records it.
     */
    @Transactional
    public Optional<Long> addOfficer(
            String unitCode, String fullName, @Nullable String rank, OfficerRole role, @Nullable String phone) {
        return jdbc.sql("""
                        INSERT INTO directory.officers (police_unit_id, full_name, rank, role, phone)
                        SELECT u.id, ?, ?, ?, ? FROM directory.police_units u WHERE u.unit_code = ?
                        RETURNING id
                        """)
                .params(fullName, rank, role.name(), phone, unitCode)
                .query(Long.class)
                .optional();
    }

    /**
     * An officer leaves the unit (or comes back). One who leaves no longer covers any village: their villages show as
     * vacant on the areas page until the chief gives them to someone. Returns the villages they covered.
     */
    @Transactional
    public List<Long> setActive(long officerId, boolean active) {
        jdbc.sql("UPDATE directory.officers SET active = ? WHERE id = ?")
                .params(active, officerId)
                .update();
        if (active) {
            return List.of();
        }
        return jdbc.sql("DELETE FROM directory.jurisdictions WHERE officer_id = ? RETURNING village_id")
                .param(officerId)
                .query(Long.class)
                .list();
    }

    /** Sets an officer's role; the caller (accounts) checks who may and records it. */
    @Transactional
    public boolean changeRole(long officerId, OfficerRole role) {
        return jdbc.sql("UPDATE directory.officers SET role = ? WHERE id = ?")
                        .params(role.name(), officerId)
                        .update()
                == 1;
    }

    /** The villages an area officer covers. Read on every request of an area officer: one statement, no transaction. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Set<Long> villagesCoveredBy(long officerId) {
        return Set.copyOf(jdbc.sql("SELECT village_id FROM directory.jurisdictions WHERE officer_id = ?")
                .param(officerId)
                .query(Long.class)
                .list());
    }

    /** The area officer responsible for a village, if one is assigned. */
    public Optional<OfficerView> areaOfficerOf(long villageId) {
        return jdbc.sql(OFFICER_SELECT
                        + " JOIN directory.jurisdictions j ON j.officer_id = o.id"
                        + " WHERE j.village_id = ? AND o.active ORDER BY o.id LIMIT 1")
                .param(villageId)
                .query(Directory::officer)
                .optional();
    }

    public List<OfficerView> officers(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(OFFICER_SELECT + " WHERE o.id IN (:ids)")
                .param("ids", ids)
                .query(Directory::officer)
                .list();
    }

    /**
     * Villages, groups and officers under a set of communes. Pass a province's communes for the province figures.
     */
    public UnitFigures figures(Collection<String> communeCodes, Collection<Long> onlyVillages) {
        if (communeCodes.isEmpty()) {
            return new UnitFigures(0, 0, 0, 0);
        }
        String villageFilter = onlyVillages.isEmpty() ? "" : " AND v.id IN (:villages)";
        var villages = jdbc.sql(
                        "SELECT count(*) FROM directory.villages v WHERE v.commune_code IN (:communes)" + villageFilter)
                .param("communes", communeCodes);
        var groups = jdbc.sql("SELECT count(*) AS n, coalesce(sum(g.member_count), 0) AS members"
                        + " FROM directory.community_groups g JOIN directory.villages v ON v.id = g.village_id"
                        + " WHERE v.commune_code IN (:communes)" + villageFilter)
                .param("communes", communeCodes);
        if (!onlyVillages.isEmpty()) {
            villages = villages.param("villages", onlyVillages);
            groups = groups.param("villages", onlyVillages);
        }
        long officers = jdbc.sql("SELECT count(*) FROM directory.officers o JOIN directory.police_units u"
                        + " ON u.id = o.police_unit_id WHERE o.active AND u.unit_code IN (:communes)")
                .param("communes", communeCodes)
                .query(Long.class)
                .single();
        long[] groupFigures = groups.query((rs, n) -> new long[] {rs.getLong("n"), rs.getLong("members")})
                .single();
        return new UnitFigures(villages.query(Long.class).single(), groupFigures[0], groupFigures[1], officers);
    }

    private static final String GROUP_SELECT = """
            SELECT g.id, g.village_id, v.name AS village_name, v.commune_code, c.name AS commune_name, g.officer_id,
                   o.full_name AS officer_name, g.name, g.zalo_link, g.member_count, g.updated_at
              FROM directory.community_groups g
              JOIN directory.villages v ON v.id = g.village_id
              JOIN directory.administrative_units c ON c.code = v.commune_code
              LEFT JOIN directory.officers o ON o.id = g.officer_id
            """;

    /** The community groups registered for a commune's villages. */
    public List<CommunityGroupView> communityGroupsOf(String communeCode) {
        return jdbc.sql(GROUP_SELECT + " WHERE v.commune_code = ? ORDER BY v.name, g.name")
                .param(communeCode)
                .query(Directory::group)
                .list();
    }

    public Optional<CommunityGroupView> communityGroup(long id) {
        return jdbc.sql(GROUP_SELECT + " WHERE g.id = ?")
                .param(id)
                .query(Directory::group)
                .optional();
    }

    private static CommunityGroupView group(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new CommunityGroupView(
                rs.getLong("id"),
                rs.getLong("village_id"),
                rs.getString("village_name"),
                rs.getString("commune_code"),
                rs.getString("commune_name"),
                rs.getObject("officer_id", Long.class),
                rs.getString("officer_name"),
                rs.getString("name"),
                rs.getString("zalo_link"),
                rs.getInt("member_count"),
                rs.getTimestamp("updated_at").toInstant());
    }

    public Set<String> communeCodesOf(String provinceCode) {
        return jdbc
                .sql("SELECT code FROM directory.administrative_units WHERE province_code = ? AND level = 'COMMUNE'")
                .param(provinceCode)
                .query(String.class)
                .list()
                .stream()
                .collect(Collectors.toUnmodifiableSet());
    }

    private static CommuneView commune(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new CommuneView(
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("full_name"),
                rs.getString("province_code"),
                rs.getString("province_name"),
                rs.getBoolean("remote"),
                rs.getString("unit_name"),
                rs.getString("address"),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getString("zalo_page"));
    }

    private static VillageView village(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new VillageView(
                rs.getLong("id"),
                rs.getString("commune_code"),
                rs.getString("name"),
                VillageView.VillageKind.valueOf(rs.getString("kind")),
                rs.getObject("population", Integer.class),
                rs.getObject("latitude", Double.class),
                rs.getObject("longitude", Double.class),
                rs.getTimestamp("retired_at") != null);
    }

    private static OfficerView officer(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new OfficerView(
                rs.getLong("id"),
                rs.getString("full_name"),
                rs.getString("rank"),
                OfficerRole.valueOf(rs.getString("role")),
                rs.getLong("police_unit_id"),
                rs.getString("unit_code"),
                rs.getString("unit_name"),
                rs.getString("province_code"));
    }
}
