package vn.binhyen.reports;

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
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.Images;
import vn.binhyen.support.IntegrationTest;

/** An officer of village A cannot read or touch village B's tip through any URL; the server decides, not the page. */
@IntegrationTest
class TipAuthorizationTests {

    @Autowired MockMvcTester mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Directory directory;
    @Autowired TipIntake intake;

    TestCommune commune;
    TestCommune otherCommune;
    long tipInB;
    String codeInB;

    @BeforeEach
    void setUp() {
        commune = Fixtures.commune(jdbc);
        otherCommune = Fixtures.commune(jdbc);
        var receipt = intake.submit(new NewTip(commune.code(), commune.villageB(), TipCategory.THEFT,
                "Mất trộm xe máy ở thôn B đêm qua", null, null, null, null, false, null, TipChannel.PORTAL,
                List.of(new NewAttachment("xe.png", Images.png()))));
        codeInB = receipt.code();
        tipInB = jdbc.sql("SELECT id FROM reports.tips WHERE code = ?").param(codeInB).query(Long.class).single();
    }

    private SignedInOfficer officerA() {
        return Fixtures.signedIn(directory, commune.officerALogin(), commune.officerA());
    }

    private SignedInOfficer officerB() {
        return Fixtures.signedIn(directory, commune.officerBLogin(), commune.officerB());
    }

    @Test
    void areaOfficerOfAnotherVillageGetsNotFoundOnEveryTipUrl() {
        var a = user(officerA());
        assertThat(mvc.get().uri("/console/tips/{id}", tipInB).with(a)).hasStatus(404);
        long attachment = jdbc.sql("SELECT id FROM reports.tip_attachments WHERE tip_id = ?").param(tipInB)
                .query(Long.class).single();
        assertThat(mvc.get().uri("/console/tips/{id}/attachments/{a}", tipInB, attachment).with(a)).hasStatus(404);
        for (String action : List.of("accept?category=THEFT", "start", "resolve?outcome=x", "reply?body=x",
                "notes?body=x", "transfer?reason=x", "reject?reason=x", "assign?officerId=" + commune.officerA())) {
            assertThat(mvc.post().uri("/console/tips/{id}/" + action, tipInB).with(a).with(csrf())).hasStatus(404);
        }
        assertThat(jdbc.sql("SELECT status FROM reports.tips WHERE id = ?").param(tipInB).query(String.class).single())
                .isEqualTo("RECEIVED");
        assertThat(jdbc.sql("SELECT count(*) FROM reports.tip_messages WHERE tip_id = ?").param(tipInB)
                .query(Long.class).single()).isZero();
    }

    @Test
    void inboxListsOnlyTipsInScope() {
        assertThat(mvc.get().uri("/console?status=ALL").with(user(officerA()))).bodyText().doesNotContain(codeInB);
        assertThat(mvc.get().uri("/console?status=ALL").with(user(officerB()))).bodyText().contains(codeInB);
        var chief = Fixtures.signedIn(directory, commune.chiefLogin(), commune.chief());
        assertThat(mvc.get().uri("/console?status=ALL").with(user(chief))).bodyText().contains(codeInB);
        var otherChief = Fixtures.signedIn(directory, otherCommune.chiefLogin(), otherCommune.chief());
        assertThat(mvc.get().uri("/console?status=ALL").with(user(otherChief))).bodyText().doesNotContain(codeInB);
        assertThat(mvc.get().uri("/console/tips/{id}", tipInB).with(user(otherChief))).hasStatus(404);
    }

    @Test
    void theOfficerOfTheVillageCanWorkTheTipButOnlyTheChiefRejectsIt() {
        var b = user(officerB());
        assertThat(mvc.get().uri("/console/tips/{id}", tipInB).with(b)).hasStatusOk().bodyText().contains(codeInB);
        assertThat(mvc.post().uri("/console/tips/{id}/accept?category=THEFT", tipInB).with(b).with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(mvc.post().uri("/console/tips/{id}/reject?reason=khong co can cu", tipInB).with(b).with(csrf()))
                .hasStatus3xxRedirection()
                .flash().containsKey("actionError");
        assertThat(status()).isEqualTo("ACCEPTED");
        var chief = user(Fixtures.signedIn(directory, commune.chiefLogin(), commune.chief()));
        assertThat(mvc.post().uri("/console/tips/{id}/reject?reason=Tin trùng lặp", tipInB).with(chief).with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(status()).isEqualTo("REJECTED");
    }

    @Test
    void anAreaOfficerCannotHandATipToSomeoneElse() {
        var b = user(officerB());
        mvc.post().uri("/console/tips/{id}/assign?officerId={o}", tipInB, commune.officerA()).with(b).with(csrf()).exchange();
        assertThat(jdbc.sql("SELECT assigned_officer_id FROM reports.tips WHERE id = ?").param(tipInB)
                .query(Long.class).optional()).isEmpty();
    }

    @Test
    void consoleNeedsSignIn() {
        assertThat(mvc.get().uri("/console/tips/{id}", tipInB)).hasStatus3xxRedirection().redirectedUrl()
                .endsWith("/login");
    }

    private String status() {
        return jdbc.sql("SELECT status FROM reports.tips WHERE id = ?").param(tipInB).query(String.class).single();
    }
}
