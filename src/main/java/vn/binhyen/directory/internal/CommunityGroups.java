package vn.binhyen.directory.internal;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.directory.CommunityGroupView;
import vn.binhyen.directory.VillageView;
import vn.binhyen.shared.security.OfficerIdentity;

/**
 * The registry of community groups as an officer may see and keep it: an area officer their villages' groups, the
 * commune its own, the province command every commune of the province. The scope is applied in the SQL itself.
 */
@Service
@Transactional(readOnly = true)
public class CommunityGroups {

    private static final String SELECT = """
            SELECT g.id, g.village_id, v.name AS village_name, v.commune_code, c.name AS commune_name, g.officer_id,
                   o.full_name AS officer_name, g.name, g.zalo_link, g.member_count, g.updated_at
              FROM directory.community_groups g
              JOIN directory.villages v ON v.id = g.village_id
              JOIN directory.administrative_units c ON c.code = v.commune_code
              LEFT JOIN directory.officers o ON o.id = g.officer_id
            """;

    private final JdbcClient jdbc;

    CommunityGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CommunityGroupView> visibleTo(OfficerIdentity officer) {
        return jdbc.sql(SELECT + " WHERE " + scope() + " ORDER BY c.name, v.name, g.name")
                .param("role", officer.roleName())
                .param("officer", officer.officerId())
                .param("unit", officer.unitCode())
                .param("province", officer.provinceCode())
                .query(CommunityGroups::view)
                .list();
    }

    /**
     * The villages in service the officer may keep groups for that have no group registered yet, by commune and name.
     */
    public List<VillageView> villagesWithoutGroup(OfficerIdentity officer) {
        return jdbc.sql("""
                        SELECT v.* FROM directory.villages v
                          JOIN directory.administrative_units c ON c.code = v.commune_code
                         WHERE %s AND v.retired_at IS NULL
                           AND NOT EXISTS (SELECT 1 FROM directory.community_groups g WHERE g.village_id = v.id)
                         ORDER BY c.name, v.name
                        """.formatted(scope()))
                .param("role", officer.roleName())
                .param("officer", officer.officerId())
                .param("unit", officer.unitCode())
                .param("province", officer.provinceCode())
                .query((rs, n) -> new VillageView(
                        rs.getLong("id"),
                        rs.getString("commune_code"),
                        rs.getString("name"),
                        VillageView.VillageKind.valueOf(rs.getString("kind")),
                        rs.getObject("population", Integer.class),
                        rs.getObject("latitude", Double.class),
                        rs.getObject("longitude", Double.class)))
                .list();
    }

    /**
     * Registers a village's Zalo group, run by the village's area officer, if the officer may keep that village's
     * groups; empty when the village is not theirs to keep.
     */
    @Transactional
    public Optional<CommunityGroupView> create(
            OfficerIdentity officer, long villageId, String name, @Nullable String zaloLink, int memberCount) {
        var id = jdbc.sql("""
                        INSERT INTO directory.community_groups (village_id, officer_id, name, zalo_link, member_count)
                        SELECT v.id, (SELECT j.officer_id FROM directory.jurisdictions j WHERE j.village_id = v.id
                                       ORDER BY j.officer_id LIMIT 1), :name, :link, :members
                          FROM directory.villages v
                          JOIN directory.administrative_units c ON c.code = v.commune_code
                         WHERE v.id = :village AND v.retired_at IS NULL AND %s
                        RETURNING id
                        """.formatted(scope()))
                .param("name", name.strip())
                .param("link", zaloLink == null || zaloLink.isBlank() ? null : zaloLink.strip())
                .param("members", memberCount)
                .param("village", villageId)
                .param("role", officer.roleName())
                .param("officer", officer.officerId())
                .param("unit", officer.unitCode())
                .param("province", officer.provinceCode())
                .query(Long.class)
                .optional();
        return id.flatMap(g -> jdbc.sql(SELECT + " WHERE g.id = ?")
                .param(g)
                .query(CommunityGroups::view)
                .optional());
    }

    /** Updates a group's link and member count, if the officer may keep it; empty when not visible. */
    @Transactional
    public Optional<CommunityGroupView> update(
            OfficerIdentity officer, long groupId, @Nullable String zaloLink, int memberCount) {
        int updated = jdbc.sql("""
                        UPDATE directory.community_groups g SET zalo_link = :link, member_count = :members,
                               updated_at = now()
                          FROM directory.villages v, directory.administrative_units c
                         WHERE g.id = :id AND v.id = g.village_id AND c.code = v.commune_code AND %s
                        """.formatted(scope()))
                .param("link", zaloLink == null || zaloLink.isBlank() ? null : zaloLink.strip())
                .param("members", memberCount)
                .param("id", groupId)
                .param("role", officer.roleName())
                .param("officer", officer.officerId())
                .param("unit", officer.unitCode())
                .param("province", officer.provinceCode())
                .update();
        if (updated == 0) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE g.id = ?")
                .param(groupId)
                .query(CommunityGroups::view)
                .optional();
    }

    /** The same rule as the accounts module's AccessScope, over villages {@code v} and communes {@code c}. */
    private static String scope() {
        return """
                CASE :role
                  WHEN 'AREA_OFFICER' THEN EXISTS (SELECT 1 FROM directory.jurisdictions j
                                                    WHERE j.officer_id = :officer AND j.village_id = v.id)
                  WHEN 'COMMUNE_STAFF' THEN v.commune_code = :unit
                  WHEN 'COMMUNE_CHIEF' THEN v.commune_code = :unit
                  WHEN 'PROVINCE_COMMAND' THEN c.province_code = :province
                  ELSE FALSE
                END""";
    }

    private static CommunityGroupView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
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
}
