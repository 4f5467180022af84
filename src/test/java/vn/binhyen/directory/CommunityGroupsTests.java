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
