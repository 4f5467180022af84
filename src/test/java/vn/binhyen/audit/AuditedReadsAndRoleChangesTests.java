package vn.binhyen.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.directory.Directory;
import vn.binhyen.reports.TipIntake;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;
import vn.binhyen.support.RegisterFixtures;

/**
 * Who read what and who changed whose role: the inbox, the register, a tip's page and a conversation thread are
 * audited views; a role change is an audited act with its reason, refused in Vietnamese when it does not fit.
 */
@IntegrationTest
class AuditedReadsAndRoleChangesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    TipIntake intake;

    @Autowired
    AuditLog audit;

    TestCommune commune;
    SignedInOfficer chief;
    SignedInOfficer admin;

    @BeforeEach
    void setUp() {
        commune = Fixtures.commune(jdbc);
        chief = Fixtures.signedIn(directory, commune.chiefLogin(), commune.chief());
        admin = RegisterFixtures.signedIn(directory, RegisterFixtures.officer(jdbc, commune.code(), "ADMINISTRATOR"));
    }

    private List<String> entries(String subject) {
        return jdbc.sql("SELECT actor || ' ' || action || ' ' || coalesce(detail, '') FROM audit.entries"
                        + " WHERE subject = ? ORDER BY id")
                .param(subject)
                .query(String.class)
                .list();
    }

    @Test
    void openingTheInboxATipAndAConversationIsRecorded() {
        long tip = RegisterFixtures.tip(jdbc, intake, commune.code(), commune.villageA(), false);
        long thread = jdbc.sql("""
                        INSERT INTO conversations.threads (channel, kind, account_ref, contact_ref, province_code,
                            commune_code, created_at, last_message_at)
                        VALUES ('ZALO', 'RESIDENT', 'oa-audit', ?, ?, ?, now(), now()) RETURNING id
                        """)
                .params("user-" + commune.code(), commune.provinceCode(), commune.code())
                .query(Long.class)
                .single();

        assertThat(mvc.get().uri("/console?q=đua xe").with(user(chief))).hasStatusOk();
        assertThat(mvc.get().uri("/console/register").with(user(chief))).hasStatusOk();
        assertThat(mvc.get().uri("/console/tips/{id}", tip).with(user(chief))).hasStatusOk();
        assertThat(mvc.get().uri("/console/conversations/{id}", thread).with(user(chief)))
                .hasStatusOk();

        assertThat(entries("inbox:" + commune.code())).containsExactly(commune.chiefLogin() + " VIEW page 0, search");
        assertThat(entries("register:" + commune.code())).containsExactly(commune.chiefLogin() + " VIEW page 0");
        assertThat(entries("tip:" + tip)).contains(commune.chiefLogin() + " VIEW page");
        assertThat(entries("conversation:" + thread)).containsExactly(commune.chiefLogin() + " VIEW thread");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void anAdministratorChangesARoleWithAReasonAndTheAuditLogKeepsIt() {
        assertThat(mvc.post()
                        .uri("/admin/officers/{id}/role", commune.officerA())
                        .param("role", "COMMUNE_STAFF")
                        .param("reason", "Điều động về đội tổng hợp")
                        .param("unit", commune.code())
                        .with(user(admin))
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(directory.officer(commune.officerA()).orElseThrow().role().name())
                .isEqualTo("COMMUNE_STAFF");
        assertThat(entries("officer:" + commune.officerA()))
                .containsExactly(
                        admin.getUsername() + " ROLE_CHANGE AREA_OFFICER -> COMMUNE_STAFF: Điều động về đội tổng hợp");
        assertThat(mvc.get().uri("/admin/officers?unit={u}", commune.code()).with(user(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("Khu vực A " + commune.code());
    }

    @Test
    void roleChangesThatDoNotFitAreRefusedInVietnameseAndOthersMayNotChangeRoles() {
        assertThat(mvc.post()
                        .uri("/admin/officers/{id}/role", commune.officerB())
                        .param("role", "PROVINCE_COMMAND")
                        .param("reason", "Thử")
                        .with(user(admin))
                        .with(csrf()))
                .hasStatus(400)
                .bodyText()
                .contains("Vai trò này không phù hợp với đơn vị");
        assertThat(mvc.post()
                        .uri("/admin/officers/{id}/role", commune.officerB())
                        .param("role", "COMMUNE_CHIEF")
                        .param("reason", " ")
                        .with(user(admin))
                        .with(csrf()))
                .hasStatus(400)
                .bodyText()
                .contains("Cần ghi lý do đổi vai trò");
        assertThat(mvc.post()
                        .uri("/admin/officers/{id}/role", admin.officerId())
                        .param("role", "COMMUNE_CHIEF")
                        .param("reason", "Tự nâng quyền")
                        .with(user(admin))
                        .with(csrf()))
                .hasStatus(400)
                .bodyText()
                .contains("Không tự đổi vai trò của chính mình");
        assertThat(mvc.post()
                        .uri("/admin/officers/{id}/role", commune.officerB())
                        .param("role", "KHONG_CO")
                        .param("reason", "x")
                        .with(user(admin))
                        .with(csrf()))
                .hasStatus4xxClientError();
        assertThat(mvc.post()
                        .uri("/admin/officers/{id}/role", commune.officerB())
                        .param("role", "COMMUNE_CHIEF")
                        .param("reason", "Tự nâng quyền")
                        .with(user(chief))
                        .with(csrf()))
                .hasStatus(403);
        assertThat(directory.officer(commune.officerB()).orElseThrow().role().name())
                .isEqualTo("AREA_OFFICER");
        assertThat(entries("officer:" + commune.officerB())).isEmpty();
    }
}
