package vn.binhyen.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Images;

@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class TipIntakeModuleTests {

    @Autowired
    TipIntake intake;

    @Autowired
    JdbcClient jdbc;

    private NewTip tip(String communeCode, Long village, List<NewAttachment> photos) {
        return new NewTip(
                communeCode,
                village,
                TipCategory.DRUGS,
                "Nghi có người sử dụng ma tuý trong nhà hoang",
                null,
                "Nhà hoang cuối xóm",
                null,
                null,
                false,
                new ReporterIdentity("Lê Văn Cường", "0987654321"),
                TipChannel.PORTAL,
                photos);
    }

    @Test
    void registersATipAndTellsOtherModules(Scenario scenario) {
        var commune = Fixtures.commune(jdbc);
        scenario.stimulate(() -> intake.submit(tip(commune.code(), commune.villageA(), List.of())))
                .andWaitForEventOfType(TipReceived.class)
                .matching(event -> event.communeCode().equals(commune.code()))
                .toArriveAndVerify(event -> {
                    assertThat(event.villageId()).isEqualTo(commune.villageA());
                    assertThat(event.toString()).doesNotContain("Lê Văn Cường").doesNotContain("0987654321");
                });
        assertThat(jdbc.sql("SELECT to_status FROM reports.tip_status_changes c JOIN reports.tips t ON t.id = c.tip_id"
                                + " WHERE t.commune_code = ?")
                        .param(commune.code())
                        .query(String.class)
                        .list())
                .containsExactly("RECEIVED");
    }

    @Test
    void aPhotoThatFailsToStoreNeverLosesTheTip() {
        var commune = Fixtures.commune(jdbc);
        // A real failure inside PostgreSQL for one file name, after the tip itself committed.
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION reports.fail_boom() RETURNS trigger AS $$
                BEGIN IF NEW.file_name = 'boom.png' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$
                LANGUAGE plpgsql""").update();
        jdbc.sql("DROP TRIGGER IF EXISTS boom ON reports.tip_attachments").update();
        jdbc.sql("CREATE TRIGGER boom BEFORE INSERT ON reports.tip_attachments FOR EACH ROW EXECUTE FUNCTION"
                        + " reports.fail_boom()")
                .update();
        try {
            TipReceipt receipt = intake.submit(tip(
                    commune.code(),
                    null,
                    List.of(new NewAttachment("ok.png", Images.png()), new NewAttachment("boom.png", Images.png()))));
            assertThat(receipt.attachmentsStored()).isEqualTo(1);
            assertThat(receipt.attachmentsFailed()).isEqualTo(1);
            assertThat(intake.residentView(receipt.code(), receipt.secret()).status())
                    .isEqualTo(TipStatus.RECEIVED);
        } finally {
            jdbc.sql("DROP TRIGGER boom ON reports.tip_attachments").update();
        }
    }

    @Test
    void refusesAPlaceThatDoesNotExistBeforeStoringAnything() {
        var commune = Fixtures.commune(jdbc);
        var other = Fixtures.commune(jdbc);
        assertThatThrownBy(() -> intake.submit(tip(commune.code(), other.villageA(), List.of())))
                .isInstanceOf(UnknownPlaceException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM reports.tips WHERE commune_code = ?")
                        .param(commune.code())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theIdentityIsSealedAndBoundToItsTip() {
        var commune = Fixtures.commune(jdbc);
        TipReceipt receipt = intake.submit(tip(commune.code(), null, List.of()));
        byte[] sealed = jdbc.sql("SELECT r.sealed FROM reports.reporter_identities r JOIN reports.tips t"
                        + " ON t.id = r.tip_id WHERE t.code = ?")
                .param(receipt.code())
                .query(byte[].class)
                .single();
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("0987654321");
        assertThat(receipt.toString()).doesNotContain(receipt.secret());
    }
}
