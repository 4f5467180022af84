package vn.binhyen.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;

/** The groups registry: each officer keeps the groups of their own area, and only those. */
@IntegrationTest
class CommunityGroupsTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    TestCommune commune;
    long groupA;
    long groupB;

    @BeforeEach
    void setUp() {
        commune = Fixtures.commune(jdbc);
        groupA = group(commune.villageA(), commune.officerA(), "Nhóm thôn A " + commune.code());
        groupB = group(commune.villageB(), commune.officerB(), "Nhóm thôn B " + commune.code());
    }

    private long group(long village, long officer, String name) {
        return jdbc.sql("INSERT INTO directory.community_groups (village_id, officer_id, name, member_count)"
                        + " VALUES (?, ?, ?, 100) RETURNING id")
                .params(village, officer, name)
                .query(Long.class)
                .single();
    }

    @Test
    void aVillageWithoutAGroupGetsOneRunByItsAreaOfficer() {
        long village = jdbc.sql(
                        "INSERT INTO directory.villages (commune_code, name, kind) VALUES (?, 'Thôn C', 'VILLAGE')"
                                + " RETURNING id")
                .param(commune.code())
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO directory.jurisdictions (officer_id, village_id) VALUES (?, ?)")
                .params(commune.officerA(), village)
                .update();
        var officerA = user(Fixtures.signedIn(directory, commune.officerALogin(), commune.officerA()));
        var officerB = user(Fixtures.signedIn(directory, commune.officerBLogin(), commune.officerB()));
        assertThat(mvc.get().uri("/console/groups").with(officerA))
                .bodyText()
                .contains("Đăng ký nhóm Zalo cho thôn", "Thôn C");
        assertThat(mvc.post()
                        .uri("/console/groups")
                        .param("villageId", String.valueOf(village))
                        .param("name", "Nhóm thôn C")
                        .param("zaloLink", "https://zalo.me/g/thonc")
                        .param("memberCount", "87")
                        .with(officerB)
                        .with(csrf()))
                .as("not officer B's village")
                .hasStatus(404);
        assertThat(mvc.post()
                        .uri("/console/groups")
                        .param("villageId", String.valueOf(village))
                        .param("name", "Nhóm thôn C")
                        .param("zaloLink", "javascript:alert(1)")
                        .with(officerA)
                        .with(csrf()))
                .hasStatus4xxClientError();
        assertThat(mvc.post()
                        .uri("/console/groups")
                        .param("villageId", String.valueOf(village))
                        .param("name", "Nhóm thôn C")
                        .param("zaloLink", "https://zalo.me/g/thonc")
                        .param("memberCount", "87")
                        .with(officerA)
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(jdbc.sql("SELECT officer_id || ' ' || name || ' ' || member_count FROM directory.community_groups"
                                + " WHERE village_id = ?")
                        .param(village)
                        .query(String.class)
                        .list())
                .containsExactly(commune.officerA() + " Nhóm thôn C 87");
        assertThat(mvc.get().uri("/console/groups").with(officerA))
                .bodyText()
                .doesNotContain("Đăng ký nhóm Zalo cho thôn");
    }

    @Test
    void anAreaOfficerSeesAndKeepsOnlyTheirVillagesGroups() {
        var officerA = user(Fixtures.signedIn(directory, commune.officerALogin(), commune.officerA()));
        assertThat(mvc.get().uri("/console/groups").with(officerA))
                .hasStatusOk()
                .bodyText()
                .contains("Nhóm thôn A " + commune.code())
                .doesNotContain("Nhóm thôn B " + commune.code());
        assertThat(mvc.post()
                        .uri("/console/groups/{id}", groupA)
                        .param("memberCount", "245")
                        .param("zaloLink", "https://zalo.me/g/abc123")
                        .with(officerA)
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(members(groupA)).isEqualTo(245);
        assertThat(mvc.post()
                        .uri("/console/groups/{id}", groupB)
                        .param("memberCount", "1")
                        .with(officerA)
                        .with(csrf()))
                .hasStatus(404);
        assertThat(members(groupB)).isEqualTo(100);
    }

    @Test
    void theChiefSeesTheWholeCommuneAndBadValuesAreRefused() {
        var chief = user(Fixtures.signedIn(directory, commune.chiefLogin(), commune.chief()));
        assertThat(mvc.get().uri("/console/groups").with(chief))
                .bodyText()
                .contains("Nhóm thôn A " + commune.code())
                .contains("Nhóm thôn B " + commune.code());
        assertThat(mvc.post()
                        .uri("/console/groups/{id}", groupB)
                        .param("memberCount", "-5")
                        .with(chief)
                        .with(csrf()))
                .hasStatus4xxClientError();
        assertThat(mvc.post()
                        .uri("/console/groups/{id}", groupB)
                        .param("memberCount", "5")
                        .param("zaloLink", "javascript:alert(1)")
                        .with(chief)
                        .with(csrf()))
                .hasStatus4xxClientError();
        assertThat(members(groupB)).isEqualTo(100);
    }

    private int members(long group) {
        return jdbc.sql("SELECT member_count FROM directory.community_groups WHERE id = ?")
                .param(group)
                .query(Integer.class)
                .single();
    }
}
