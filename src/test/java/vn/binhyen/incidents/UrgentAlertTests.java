package vn.binhyen.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.binhyen.incidents.internal.UnitSettings.Settings;
import vn.binhyen.support.Fixtures;

/** Group messages delivered by the simulator raise an urgent alert once, to the officers on duty, above the threshold. */
class UrgentAlertTests extends SimulatorTest {

    List<Long> incidents(String commune) {
        return jdbc.sql("SELECT id FROM incidents.incidents WHERE commune_code = ? ORDER BY id")
                .param(commune)
                .query(Long.class)
                .list();
    }

    List<Long> alerted(long incident) {
        return jdbc.sql("SELECT officer_id FROM incidents.alerts WHERE incident_id = ? ORDER BY id")
                .param(incident)
                .query(Long.class)
                .list();
    }

    @Test
    void aPlannedRaceInAVillageGroupAlertsTheAreaOfficerAndTheChiefOnce() {
        var commune = Fixtures.commune(jdbc);
        var group = villageGroup(commune);
        String a = resident("Người dân A");
        String b = resident("Người dân B");
        residents.sendGroupText(group, a, "Tối nay 21h anh em tụ tập ở cầu Đen đua xe nhé");
        residents.sendGroupText(group, b, "Nhớ bốc đầu cho đẹp, ai có xe độ thì mang theo");
        residents.sendGroupText(group, a, "Quái xế khu mình đua tới sáng, đông lắm");

        Signals.eventually().untilAsserted(() -> {
            assertThat(incidents(commune.code())).hasSize(1);
            assertThat(alerted(incidents(commune.code()).getFirst()))
                    .containsExactly(commune.officerA(), commune.chief());
        });
        long incident = incidents(commune.code()).getFirst();
        assertThat(jdbc.sql("SELECT owner_officer_id FROM incidents.incidents WHERE id = ?")
                        .param(incident)
                        .query(Long.class)
                        .single())
                .isEqualTo(commune.officerA());
        assertThat(jdbc.sql("SELECT DISTINCT zalo_state FROM incidents.alerts WHERE incident_id = ?")
                        .param(incident)
                        .query(String.class)
                        .list())
                .as("no officer on duty linked a Zalo account")
                .containsExactly("NOT_AVAILABLE");

        // A fourth message joins the incident and does not alert again.
        residents.sendGroupText(group, b, "Đua xe xong ra quán nước tụ tập tiếp");
        Signals.eventually()
                .until(() -> jdbc.sql("SELECT signal_count FROM incidents.incidents WHERE id = ?")
                                .param(incident)
                                .query(Integer.class)
                                .single()
                        == 4);
        assertThat(alerted(incident)).hasSize(2);
    }

    @Test
    void oneMessageBelowTheThresholdOpensAnIncidentWithoutAlert() throws Exception {
        var commune = Fixtures.commune(jdbc);
        var group = villageGroup(commune);
        residents.sendGroupText(group, resident("Người dân C"), "Mấy đứa nhỏ tụ tập ở sân bóng");

        Signals.eventually().until(() -> incidents(commune.code()).size() == 1);
        Thread.sleep(300);
        assertThat(alerted(incidents(commune.code()).getFirst())).isEmpty();
    }

    @Test
    void aUnitThatLowersItsThresholdIsAlertedByOneWeightyMessage() {
        var commune = Fixtures.commune(jdbc);
        var chief = new vn.binhyen.accounts.AccessScope(
                commune.chief(),
                vn.binhyen.directory.OfficerRole.COMMUNE_CHIEF,
                commune.code(),
                commune.provinceCode(),
                java.util.Set.of());
        setup.saveSettings(chief, new Settings(true, 4, Duration.ofHours(6), 1500));
        var group = villageGroup(commune);
        residents.sendGroupText(group, resident("Người dân D"), "Có đứa mang mã tấu đi lòng vòng ngoài chợ");

        Signals.eventually().untilAsserted(() -> {
            assertThat(incidents(commune.code())).hasSize(1);
            assertThat(alerted(incidents(commune.code()).getFirst())).contains(commune.officerA());
        });
    }

    @Test
    void aUnitThatStopsWatchingRecordsNoSignals() throws Exception {
        var commune = Fixtures.commune(jdbc);
        var chief = new vn.binhyen.accounts.AccessScope(
                commune.chief(),
                vn.binhyen.directory.OfficerRole.COMMUNE_CHIEF,
                commune.code(),
                commune.provinceCode(),
                java.util.Set.of());
        setup.saveSettings(chief, new Settings(false, 10, Duration.ofHours(6), 1500));
        var group = villageGroup(commune);
        residents.sendGroupText(group, resident("Người dân E"), "Tối nay hỗn chiến ở chợ, mang hung khí");
        Signals.eventually()
                .until(() -> jdbc.sql("SELECT count(*) FROM conversations.threads WHERE commune_code = ?")
                                .param(commune.code())
                                .query(Integer.class)
                                .single()
                        == 1);
        Thread.sleep(500);
        assertThat(jdbc.sql("SELECT count(*) FROM incidents.signals WHERE commune_code = ?")
                        .param(commune.code())
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
