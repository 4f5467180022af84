package vn.binhyen.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.binhyen.reports.TipIntake;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;
import vn.binhyen.support.RegisterFixtures;

/**
 * The commune's areas of responsibility over real HTTP: the chief gives a village to another area officer and both
 * officers' inboxes follow on their next request; nobody else changes it, no commune reaches another's villages, a
 * choice the commune cannot make is refused in Vietnamese, and every change is in the audit log.
 */
@IntegrationTest
class AreasPageTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    TipIntake intake;

    @Autowired
    vn.binhyen.directory.internal.CommunityGroups groups;

    TestCommune commune;
    TestCommune other;

    @BeforeEach
    void communes() {
        commune = Fixtures.commune(jdbc);
        other = Fixtures.commune(jdbc);
    }

    RequestPostProcessor as(String login, long officer) {
        return user(Fixtures.signedIn(directory, login, officer));
    }

    RequestPostProcessor chief(TestCommune c) {
        return as(c.chiefLogin(), c.chief());
    }

    List<Long> coveringVillageA() {
        return jdbc.sql("SELECT officer_id FROM directory.jurisdictions WHERE village_id = ? ORDER BY 1")
                .param(commune.villageA())
                .query(Long.class)
                .list();
    }

    @Test
    void theChiefGivesAVillageToAnotherAreaOfficerAndBothInboxesFollowAtOnce() {
        long tip = RegisterFixtures.tip(jdbc, intake, commune.code(), commune.villageA(), true);
        // Not yet taken by anyone: who sees it follows the village alone.
        jdbc.sql("UPDATE reports.tips SET assigned_officer_id = NULL WHERE id = ?")
                .param(tip)
                .update();
        var officerA = as(commune.officerALogin(), commune.officerA());
        var officerB = as(commune.officerBLogin(), commune.officerB());
        assertThat(mvc.get().uri("/console/tips/{id}", tip).with(officerA)).hasStatusOk();
        assertThat(mvc.get().uri("/console/tips/{id}", tip).with(officerB)).hasStatus(404);

        assertThat(mvc.get().uri("/console/areas").with(chief(commune)))
                .hasStatusOk()
                .bodyText()
                .contains("Địa bàn phụ trách", "Khu vực A " + commune.code(), "Giao cho");
        assertThat(mvc.post()
                        .uri("/console/areas/{v}", commune.villageA())
                        .param("officerId", String.valueOf(commune.officerB()))
                        .with(chief(commune))
                        .with(csrf()))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/console/areas?commune=" + commune.code());

        assertThat(coveringVillageA()).containsExactly(commune.officerB());
        assertThat(mvc.get().uri("/console/tips/{id}", tip).with(officerB)).hasStatusOk();
        assertThat(mvc.get().uri("/console/tips/{id}", tip).with(officerA)).hasStatus(404);
        assertThat(directory.areaOfficerOf(commune.villageA()))
                .as("the village's next tips go to the new officer")
                .hasValueSatisfying(o -> assertThat(o.id()).isEqualTo(commune.officerB()));
        assertThat(jdbc.sql("SELECT actor || ' ' || detail FROM audit.entries WHERE action = 'JURISDICTION_CHANGE'"
                                + " AND subject = ?")
                        .param("village:" + commune.villageA())
                        .query(String.class)
                        .list())
                .containsExactly("%s commune %s, officers [%d] -> %d"
                        .formatted(commune.chiefLogin(), commune.code(), commune.officerA(), commune.officerB()));

        // Saving the same choice again changes nothing and logs nothing.
        mvc.post()
                .uri("/console/areas/{v}", commune.villageA())
                .param("officerId", String.valueOf(commune.officerB()))
                .with(chief(commune))
                .with(csrf())
                .exchange();
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entries WHERE action = 'JURISDICTION_CHANGE' AND subject = ?")
                        .param("village:" + commune.villageA())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void whenTheChiefAsksTheVillagesOpenTipsHeldByThePreviousOfficerFollow() {
        long held = tipInVillageA(commune.officerA(), "IN_PROGRESS");
        long closed = tipInVillageA(commune.officerA(), "RESOLVED");
        long chiefs = tipInVillageA(commune.chief(), "ASSIGNED");
        assertThat(mvc.post()
                        .uri("/console/areas/{v}", commune.villageA())
                        .param("officerId", String.valueOf(commune.officerB()))
                        .param("handOver", "true")
                        .with(chief(commune))
                        .with(csrf()))
                .hasStatus3xxRedirection();

        assertThat(holderAndStatus(held)).isEqualTo(commune.officerB() + " IN_PROGRESS");
        assertThat(holderAndStatus(closed))
                .as("a closed tip keeps its history")
                .isEqualTo(commune.officerA() + " RESOLVED");
        assertThat(holderAndStatus(chiefs)).as("held by someone else").isEqualTo(commune.chief() + " ASSIGNED");
        assertThat(jdbc.sql("SELECT body FROM reports.tip_notes WHERE tip_id = ?")
                        .param(held)
                        .query(String.class)
                        .list())
                .containsExactly("Bàn giao từ Khu vực A %s sang Khu vực B %s theo phân công lại địa bàn Thôn A."
                        .formatted(commune.code(), commune.code()));
        assertThat(jdbc.sql("SELECT detail FROM audit.entries WHERE subject = ? AND action = 'CHANGE'")
                        .param("tip:" + held)
                        .query(String.class)
                        .list())
                .containsExactly("handed over with village %d: officer %d -> %d"
                        .formatted(commune.villageA(), commune.officerA(), commune.officerB()));
        assertThat(mvc.get().uri("/console/tips/{id}", held).with(as(commune.officerALogin(), commune.officerA())))
                .hasStatus(404);
        assertThat(mvc.get().uri("/console/tips/{id}", held).with(as(commune.officerBLogin(), commune.officerB())))
                .hasStatusOk()
                .bodyText()
                .contains("Bàn giao từ Khu vực A");
    }

    @Test
    void withoutTheBoxTheOpenTipsStayWithTheirHolder() {
        long held = tipInVillageA(commune.officerA(), "ASSIGNED");
        assertThat(mvc.post()
                        .uri("/console/areas/{v}", commune.villageA())
                        .param("officerId", String.valueOf(commune.officerB()))
                        .with(chief(commune))
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(holderAndStatus(held)).isEqualTo(commune.officerA() + " ASSIGNED");
        assertThat(mvc.get().uri("/console/tips/{id}", held).with(as(commune.officerALogin(), commune.officerA())))
                .as("still theirs to finish")
                .hasStatusOk();
    }

    long tipInVillageA(long holder, String status) {
        long tip = RegisterFixtures.tip(jdbc, intake, commune.code(), commune.villageA(), true);
        jdbc.sql("UPDATE reports.tips SET assigned_officer_id = ?, status = ? WHERE id = ?")
                .params(holder, status, tip)
                .update();
        return tip;
    }

    String holderAndStatus(long tip) {
        return jdbc.sql("SELECT assigned_officer_id || ' ' || status FROM reports.tips WHERE id = ?")
                .param(tip)
                .query(String.class)
                .single();
    }

    @Test
    void aVillageLeftWithoutAnOfficerIsShownAsVacant() {
        assertThat(mvc.post()
                        .uri("/console/areas/{v}", commune.villageA())
                        .param("officerId", "")
                        .with(chief(commune))
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(coveringVillageA()).isEmpty();
        assertThat(mvc.get().uri("/console/areas").with(as(commune.officerBLogin(), commune.officerB())))
                .hasStatusOk()
                .bodyText()
                .contains("Có 1 thôn, tổ dân phố chưa có cảnh sát khu vực phụ trách")
                .doesNotContain("Giao cho");
    }

    @Test
    void onlyTheChiefChangesTheAreasAndOnlyOfTheirOwnCommune() {
        var staff = as("staff" + commune.code(), commune.staff());
        var officerA = as(commune.officerALogin(), commune.officerA());
        for (var notChief : List.of(staff, officerA)) {
            assertThat(mvc.post()
                            .uri("/console/areas/{v}", commune.villageA())
                            .param("officerId", String.valueOf(commune.officerB()))
                            .with(notChief)
                            .with(csrf()))
                    .hasStatus(403);
        }
        // Another commune's chief, even naming this commune: their own commune is the only one they reach.
        assertThat(mvc.post()
                        .uri("/console/areas/{v}", commune.villageA())
                        .param("officerId", String.valueOf(commune.officerB()))
                        .param("commune", commune.code())
                        .with(chief(other))
                        .with(csrf()))
                .hasStatus(404);
        assertThat(mvc.get().uri("/console/areas?commune=" + commune.code()).with(chief(other)))
                .hasStatusOk()
                .bodyText()
                .contains("village-" + other.villageA())
                .doesNotContain("village-" + commune.villageA());
        assertThat(coveringVillageA()).containsExactly(commune.officerA());

        // The province command reads any commune of its province, without the form; another province's is not found.
        long province = RegisterFixtures.provinceCommand(jdbc, commune.provinceCode());
        var command = user(RegisterFixtures.signedIn(directory, province));
        assertThat(mvc.get().uri("/console/areas?commune=" + commune.code()).with(command))
                .hasStatusOk()
                .bodyText()
                .contains("village-" + commune.villageA(), "Khu vực A " + commune.code())
                .doesNotContain("Giao cho");
        assertThat(mvc.post()
                        .uri("/console/areas/{v}", commune.villageA())
                        .param("officerId", String.valueOf(commune.officerB()))
                        .param("commune", commune.code())
                        .with(command)
                        .with(csrf()))
                .hasStatus(403);
    }

    @Test
    void aVillageCannotGoToAnOfficerOutsideTheCommunesAreaOfficers() {
        for (long wrong : List.of(other.officerA(), commune.staff(), 987_654_321L)) {
            assertThat(mvc.post()
                            .uri("/console/areas/{v}", commune.villageA())
                            .param("officerId", String.valueOf(wrong))
                            .with(chief(commune))
                            .with(csrf()))
                    .hasStatus(422)
                    .bodyText()
                    .contains("Chỉ giao được cho cảnh sát khu vực đang công tác tại công an xã này.");
        }
        assertThat(mvc.post()
                        .uri("/console/areas/{v}", commune.villageA())
                        .param("officerId", "không phải số")
                        .with(chief(commune))
                        .with(csrf()))
                .hasStatus(400);
        assertThat(mvc.post()
                        .uri("/console/areas/{v}", other.villageA())
                        .param("officerId", String.valueOf(commune.officerA()))
                        .with(chief(commune))
                        .with(csrf()))
                .as("another commune's village, by a forged id")
                .hasStatus(404);
        assertThat(coveringVillageA()).containsExactly(commune.officerA());
    }

    @Test
    void theChiefSetsTheContactsResidentsSeeAndRefusesWhatIsNotAZaloPage() {
        assertThat(mvc.post()
                        .uri("/console/areas/contacts")
                        .param("address", "12 Lê Duẩn")
                        .param("phone", "0262 3852 113")
                        .param("email", "ca.xa@example.vn")
                        .param("zaloPage", "https://zalo.me/4093012345")
                        .with(chief(commune))
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/x/{code}", commune.code()))
                .hasStatusOk()
                .bodyText()
                .contains("12 Lê Duẩn", "0262 3852 113", "https://zalo.me/4093012345");

        for (var bad : List.of(
                java.util.Map.entry("zaloPage", "javascript:alert(1)"),
                java.util.Map.entry("zaloPage", "https://example.com/zalo"),
                java.util.Map.entry("phone", "gọi tôi"),
                java.util.Map.entry("email", "không-phải-thư"))) {
            assertThat(mvc.post()
                            .uri("/console/areas/contacts")
                            .param("address", "Đổi địa chỉ")
                            .param(bad.getKey(), bad.getValue())
                            .with(chief(commune))
                            .with(csrf()))
                    .hasStatus(422)
                    .bodyText()
                    .contains(bad.getKey().equals("zaloPage") ? "Trang Zalo phải là địa chỉ https://zalo.me/" : "");
        }
        assertThat(mvc.get().uri("/x/{code}", commune.code()))
                .bodyText()
                .as("nothing refused was kept")
                .contains("12 Lê Duẩn")
                .doesNotContain("Đổi địa chỉ", "javascript:");
        assertThat(mvc.post()
                        .uri("/console/areas/contacts")
                        .param("phone", "0262 000 000")
                        .with(as("staff" + commune.code(), commune.staff()))
                        .with(csrf()))
                .hasStatus(403);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entries WHERE action = 'DIRECTORY_CHANGE' AND subject = ?")
                        .param("unit:" + commune.code())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theChiefAddsAVillageWhichStartsVacantAndNamesMustBeNew() {
        assertThat(mvc.post()
                        .uri("/console/areas/villages")
                        .param("name", "Tổ dân phố 7")
                        .param("kind", "RESIDENTIAL_GROUP")
                        .param("population", "1250")
                        .param("latitude", "12.68")
                        .param("longitude", "108.05")
                        .with(chief(commune))
                        .with(csrf()))
                .hasStatus3xxRedirection();
        var added = directory.villagesOf(commune.code()).stream()
                .filter(v -> v.name().equals("Tổ dân phố 7"))
                .findFirst()
                .orElseThrow();
        assertThat(added.kind()).isEqualTo(VillageView.VillageKind.RESIDENTIAL_GROUP);
        assertThat(added.population()).isEqualTo(1250);
        assertThat(mvc.get().uri("/console/areas").with(chief(commune)))
                .bodyText()
                .contains("village-" + added.id(), "Có 1 thôn, tổ dân phố chưa có cảnh sát khu vực phụ trách");
        assertThat(jdbc.sql("SELECT detail FROM audit.entries WHERE action = 'DIRECTORY_CHANGE' AND subject = ?")
                        .param("village:" + added.id())
                        .query(String.class)
                        .list())
                .containsExactly("added to %s: Tổ dân phố 7 (RESIDENTIAL_GROUP)".formatted(commune.code()));

        record Refusal(String name, String kind, String latitude, String sentence) {}
        for (var refusal : List.of(
                new Refusal("Tổ dân phố 7", "RESIDENTIAL_GROUP", "", "Xã đã có thôn, tổ dân phố tên này."),
                new Refusal("", "VILLAGE", "", "Nhập tên thôn, tổ dân phố"),
                new Refusal("Thôn Mới", "VILLAGE", "12.5", "Vị trí cần cả vĩ độ"))) {
            assertThat(mvc.post()
                            .uri("/console/areas/villages")
                            .param("name", refusal.name())
                            .param("kind", refusal.kind())
                            .param("latitude", refusal.latitude())
                            .with(chief(commune))
                            .with(csrf()))
                    .hasStatus(422)
                    .bodyText()
                    .contains(refusal.sentence());
        }
        assertThat(mvc.post()
                        .uri("/console/areas/villages")
                        .param("name", "Thôn Lạ")
                        .param("kind", "KHÔNG_CÓ")
                        .with(chief(commune))
                        .with(csrf()))
                .hasStatus(400);
        assertThat(mvc.post()
                        .uri("/console/areas/villages")
                        .param("name", "Thôn Của Người Khác")
                        .param("kind", "VILLAGE")
                        .with(as(commune.officerALogin(), commune.officerA()))
                        .with(csrf()))
                .hasStatus(403);
        assertThat(directory.villagesOf(commune.code())).hasSize(3);
    }

    @Test
    void theChiefRenamesAVillageWhoseTipsAndOfficerFollowAndTheAuditLogKeepsTheOldName() {
        long tip = tipInVillageA(commune.officerA(), "IN_PROGRESS");
        assertThat(mvc.post()
                        .uri("/console/areas/villages/{v}", commune.villageA())
                        .param("name", "Thôn Tân Lập")
                        .param("kind", "VILLAGE")
                        .param("population", "2100")
                        .param("latitude", "12.7")
                        .param("longitude", "108.1")
                        .with(chief(commune))
                        .with(csrf()))
                .hasStatus3xxRedirection();
        var renamed = directory.villagesOf(commune.code()).stream()
                .filter(v -> v.id() == commune.villageA())
                .findFirst()
                .orElseThrow();
        assertThat(renamed.name()).isEqualTo("Thôn Tân Lập");
        assertThat(renamed.population()).isEqualTo(2100);
        assertThat(coveringVillageA()).as("the area officer keeps the village").containsExactly(commune.officerA());
        assertThat(mvc.get().uri("/console/tips/{id}", tip).with(as(commune.officerALogin(), commune.officerA())))
                .hasStatusOk()
                .bodyText()
                .contains("Thôn Tân Lập");
        assertThat(jdbc.sql("SELECT detail FROM audit.entries WHERE action = 'DIRECTORY_CHANGE' AND subject = ?")
                        .param("village:" + commune.villageA())
                        .query(String.class)
                        .list())
                .containsExactly("changed in %s: Thôn A (VILLAGE, population null, at null, null) -> Thôn Tân Lập"
                                .formatted(commune.code())
                        + " (VILLAGE, population 2100, at 12.7, 108.1)");

        // The same details again change nothing and write nothing.
        assertThat(mvc.post()
                        .uri("/console/areas/villages/{v}", commune.villageA())
                        .param("name", " Thôn Tân Lập ")
                        .param("kind", "VILLAGE")
                        .param("population", "2100")
                        .param("latitude", "12.7")
                        .param("longitude", "108.1")
                        .with(chief(commune))
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entries WHERE subject = ?")
                        .param("village:" + commune.villageA())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aVillageEditThatDoesNotFitIsRefusedUnderItsOwnFormAndOthersCannotEditIt() {
        assertThat(mvc.post()
                        .uri("/console/areas/villages/{v}", commune.villageA())
                        .param("name", "Thôn B")
                        .param("kind", "VILLAGE")
                        .with(chief(commune))
                        .with(csrf()))
                .hasStatus(422)
                .bodyText()
                .contains("Xã đã có thôn, tổ dân phố tên này.", "id=\"edit-village-" + commune.villageA() + "\" open");
        assertThat(mvc.post()
                        .uri("/console/areas/villages/{v}", commune.villageA())
                        .param("name", "Thôn A")
                        .param("kind", "VILLAGE")
                        .param("latitude", "40")
                        .param("longitude", "108")
                        .with(chief(commune))
                        .with(csrf()))
                .hasStatus(422)
                .bodyText()
                .contains("Vị trí cần cả vĩ độ");
        assertThat(mvc.post()
                        .uri("/console/areas/villages/{v}", commune.villageA())
                        .param("name", "Thôn A")
                        .param("kind", "VILLAGE")
                        .param("latitude", "NaN")
                        .param("longitude", "108")
                        .with(chief(commune))
                        .with(csrf()))
                .as("not a number is not a place (no comparison holds for NaN)")
                .hasStatus(422)
                .bodyText()
                .contains("Vị trí cần cả vĩ độ");
        assertThat(mvc.post()
                        .uri("/console/areas/villages/{v}", commune.villageA())
                        .param("name", "Thôn Lạ")
                        .param("kind", "VILLAGE")
                        .with(as(commune.officerALogin(), commune.officerA()))
                        .with(csrf()))
                .as("an area officer reads the page but does not change it")
                .hasStatus(403);
        assertThat(mvc.post()
                        .uri("/console/areas/villages/{v}", other.villageA())
                        .param("name", "Thôn Lạ")
                        .param("kind", "VILLAGE")
                        .with(chief(commune))
                        .with(csrf()))
                .as("another commune's village is not found")
                .hasStatus(404);
        assertThat(directory.villagesOf(commune.code()).stream().map(VillageView::name))
                .containsExactlyInAnyOrder("Thôn A", "Thôn B");
        assertThat(directory.villagesOf(other.code()).stream().map(VillageView::name))
                .containsExactlyInAnyOrder("Thôn A", "Thôn B");
    }

    @Test
    void aVillageOutOfServiceIsNoLongerOfferedToResidentsButItsTipsAndOfficerStay() {
        long tip = tipInVillageA(commune.officerA(), "IN_PROGRESS");
        String code = jdbc.sql("SELECT code FROM reports.tips WHERE id = ?")
                .param(tip)
                .query(String.class)
                .single();
        assertThat(mvc.post()
                        .uri("/console/areas/villages/{v}/service", commune.villageA())
                        .param("inService", "false")
                        .param("reason", " ")
                        .with(chief(commune))
                        .with(csrf()))
                .hasStatus(422)
                .bodyText()
                .contains("Cần ghi lý do thôi hoạt động");
        assertThat(mvc.post()
                        .uri("/console/areas/villages/{v}/service", commune.villageA())
                        .param("inService", "false")
                        .param("reason", "Sáp nhập vào Thôn B")
                        .with(chief(commune))
                        .with(csrf()))
                .hasStatus3xxRedirection();

        assertThat(directory.villagesOf(commune.code()).stream().map(VillageView::name))
                .containsExactly("Thôn B");
        assertThat(groups.villagesWithoutGroup(Fixtures.signedIn(directory, commune.chiefLogin(), commune.chief())))
                .as("no new Zalo group for it")
                .extracting(VillageView::id)
                .doesNotContain(commune.villageA());
        assertThat(mvc.get().uri("/x/{c}/bao-tin", commune.code()))
                .bodyText()
                .contains("value=\"" + commune.villageB() + "\"")
                .doesNotContain("value=\"" + commune.villageA() + "\"");
        assertThat(mvc.post()
                        .uri("/api/v1/tips")
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("""
                                {"communeCode":"%s","villageId":%d,"category":"THEFT","description":"Mất xe máy trước nhà văn hóa"}
                                """.formatted(commune.code(), commune.villageA())))
                .hasStatus(422)
                .bodyText()
                .contains("đã thôi hoạt động");
        var takenDown = intake.submitByOfficer(
                new vn.binhyen.reports.NewTip(
                        commune.code(),
                        commune.villageA(),
                        vn.binhyen.reports.TipCategory.THEFT,
                        "Người dân gọi điện báo mất xe máy trước nhà văn hóa",
                        null,
                        null,
                        null,
                        null,
                        false,
                        null,
                        vn.binhyen.reports.TipChannel.PHONE,
                        List.of()),
                commune.chief());
        assertThat(takenDown.code())
                .as("a tip an officer takes down keeps the village it was recorded with: it is never turned away")
                .startsWith("TB-");
        assertThat(mvc.get().uri("/console?status=ALL").with(as(commune.officerALogin(), commune.officerA())))
                .as("the area officer keeps the village's tips")
                .bodyText()
                .contains(code);
        assertThat(coveringVillageA()).containsExactly(commune.officerA());
        assertThat(mvc.get().uri("/console/areas").with(chief(commune)))
                .bodyText()
                .contains("Đã thôi hoạt động")
                .doesNotContain("chưa có cảnh sát khu vực phụ trách");

        assertThat(mvc.post()
                        .uri("/console/areas/villages/{v}/service", commune.villageA())
                        .param("inService", "true")
                        .with(chief(commune))
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(directory.villagesOf(commune.code()).stream().map(VillageView::name))
                .containsExactly("Thôn A", "Thôn B");
        assertThat(jdbc.sql(
                                "SELECT detail FROM audit.entries WHERE action = 'DIRECTORY_CHANGE' AND subject = ? ORDER BY id")
                        .param("village:" + commune.villageA())
                        .query(String.class)
                        .list())
                .containsExactly("out of service: Sáp nhập vào Thôn B", "back in service");
        assertThat(mvc.post()
                        .uri("/console/areas/villages/{v}/service", other.villageA())
                        .param("inService", "false")
                        .param("reason", "Không phải xã mình")
                        .with(chief(commune))
                        .with(csrf()))
                .hasStatus(404);
    }

    @Test
    void theDatabaseRefusesAVillageOfAnotherCommuneWhoeverWritesIt() {
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO directory.jurisdictions (officer_id, village_id) VALUES (?, ?)")
                        .params(other.officerA(), commune.villageB())
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("is not in the commune of officer");
    }
}
