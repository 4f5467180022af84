package vn.binhyen.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.conversations.Conversations;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.incidents.internal.SetAsideSignals;
import vn.binhyen.reports.TipIntake;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.IntegrationTest;

/**
 * The queue between a message and its grouping: a signal is committed with its message or not at all, and a planned
 * fight is grouped before the chatter that came in ahead of it.
 */
@IntegrationTest
class SignalQueueTests {

    private static final String GROUP = "9100000000000000077";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Conversations conversations;

    @Autowired
    TipIntake tips;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Directory directory;

    @Autowired
    SetAsideSignals setAside;

    TestCommune commune;
    Signals signals;

    @BeforeEach
    void commune() {
        commune = Fixtures.commune(jdbc);
        signals = new Signals(jdbc, conversations, tips);
    }

    @Test
    void aPlannedFightIsGroupedBeforeTheChatterQueuedAheadOfIt() {
        // 200 chatter messages and then the fight, all committed at once (a lane's batch does this).
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 200; i++) {
                groupMessage("Tối nay chợ đông người lắm, ai đi mua rau thì đi sớm nhé " + i);
            }
            groupMessage("Tối nay bọn thôn bên mang mã tấu sang hỗn chiến ở sân bóng");
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> recorded() == 201);

        Timestamp fightRecorded =
                jdbc.sql("""
                        SELECT recorded_at FROM incidents.signals
                         WHERE commune_code = ? AND text LIKE '%hỗn chiến%'
                        """).param(commune.code()).query(Timestamp.class).single();
        int chatterBefore = jdbc.sql("""
                        SELECT count(*) FROM incidents.signals
                         WHERE commune_code = ? AND score = 0 AND recorded_at < ?
                        """)
                .params(commune.code(), fightRecorded)
                .query(Integer.class)
                .single();
        // Each worker may finish the chatter it had already taken; in arrival order all 200 would come first.
        assertThat(chatterBefore).as("chatter grouped before the fight").isLessThan(20);
        assertThat(jdbc.sql("SELECT count(*) FROM incidents.incidents WHERE commune_code = ?")
                        .param(commune.code())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(queued()).isZero();
    }

    @Test
    void aMessageRolledBackLeavesNoSignalAndACommittedOneIsGrouped() {
        transaction.executeWithoutResult(status -> {
            groupMessage("Có ai thấy nhóm thanh niên tụ tập đua xe ở cầu không");
            status.setRollbackOnly();
        });
        assertThat(queued()).as("queued with the message, rolled back with it").isZero();

        groupMessage("Có ai thấy nhóm thanh niên tụ tập đua xe ở cầu không");

        await().atMost(Duration.ofSeconds(15)).until(() -> recorded() == 1);
        assertThat(queued()).isZero();
    }

    @Test
    void aSignalThatCannotBeGroupedStaysQueuedWithItsErrorAndIsGroupedWhenRetried() {
        // The database refuses this one signal, as it might in a fault: the worker must keep it, not drop it.
        refuseSignalsMarkedForTheTest();
        try {
            groupMessage("Tối nay bọn thanh niên hẹn đánh nhau ở chợ [thử lỗi]");

            await().atMost(Duration.ofSeconds(15)).until(() -> attempts() >= 1);
            assertThat(recorded()).isZero();
            assertThat(queued()).as("still queued after the failure").isEqualTo(1);
            assertThat(jdbc.sql("SELECT last_error FROM incidents.signal_queue WHERE commune_code = ?")
                            .param(commune.code())
                            .query(String.class)
                            .single())
                    .isNotBlank();
        } finally {
            acceptSignalsAgain();
        }

        // Retried after its backoff (2 s after the first failure, 4 after a second).
        await().atMost(Duration.ofSeconds(30)).until(() -> recorded() == 1);
        assertThat(queued()).isZero();
    }

    @Test
    void signalsSetAsideAfterEveryAttemptAreOnTheUnitsBoardAndItsOfficersPutThemBackInLine() {
        refuseSignalsMarkedForTheTest();
        try {
            groupMessage("Tối nay bọn thanh niên hẹn đánh nhau ở chợ, mang theo hung khí [thử lỗi]");
            await().atMost(Duration.ofSeconds(15)).until(() -> attempts() >= 1);
            // As the worker leaves it after its eighth failure (eight backoffs would take minutes here).
            jdbc.sql("UPDATE incidents.signal_queue SET attempts = 8, next_attempt_at = '9999-12-31T00:00:00Z'"
                            + " WHERE commune_code = ?")
                    .param(commune.code())
                    .update();
        } finally {
            acceptSignalsAgain();
        }
        assertThat(recorded()).isZero();
        long inTheProvince = setAside.count(provinceCommand());
        assertThat(inTheProvince).as("the province command counts it too").isPositive();

        assertThat(mvc.get().uri("/console/incidents").with(user(chief())))
                .hasStatusOk()
                .bodyText()
                .contains("Có 1 tín hiệu (tin báo, tin nhắn) hệ thống chưa ghép được vào sự vụ")
                .contains("/console/incidents/set-aside/retry");
        // The area officer is not the one to act on it; another commune's chief does not see it.
        assertThat(mvc.get().uri("/console/incidents").with(user(officerA())))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("chưa ghép được");
        assertThat(mvc.post()
                        .uri("/console/incidents/set-aside/retry")
                        .with(user(officerA()))
                        .with(csrf()))
                .hasStatus4xxClientError()
                .bodyText()
                .contains("Chỉ cán bộ Công an xã, phường mới đưa lại tín hiệu");
        assertThat(queued()).isEqualTo(1);

        assertThat(mvc.post()
                        .uri("/console/incidents/set-aside/retry")
                        .with(user(chief()))
                        .with(csrf()))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/console/incidents")
                .flash()
                .containsEntry("retried", 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> recorded() == 1);
        assertThat(queued()).isZero();
        assertThat(setAside.count(provinceCommand())).isEqualTo(inTheProvince - 1);
        assertThat(mvc.get().uri("/console/incidents").with(user(chief())))
                .bodyText()
                .doesNotContain("chưa ghép được");
    }

    private void refuseSignalsMarkedForTheTest() {
        jdbc.sql("""
                        CREATE OR REPLACE FUNCTION incidents.test_refuse_signal() RETURNS trigger AS $$
                        BEGIN
                            IF NEW.text LIKE '%[thử lỗi]%' THEN RAISE EXCEPTION 'refused for the test'; END IF;
                            RETURN NEW;
                        END $$ LANGUAGE plpgsql
                        """).update();
        jdbc.sql("""
                        CREATE TRIGGER test_refuse_signal BEFORE INSERT ON incidents.signals
                           FOR EACH ROW EXECUTE FUNCTION incidents.test_refuse_signal()
                        """).update();
    }

    private void acceptSignalsAgain() {
        jdbc.sql("DROP TRIGGER test_refuse_signal ON incidents.signals").update();
        jdbc.sql("DROP FUNCTION incidents.test_refuse_signal()").update();
    }

    private AccessScope provinceCommand() {
        return new AccessScope(
                0, OfficerRole.PROVINCE_COMMAND, commune.provinceCode(), commune.provinceCode(), Set.of());
    }

    private SignedInOfficer chief() {
        return Fixtures.signedIn(directory, commune.chiefLogin(), commune.chief());
    }

    private SignedInOfficer officerA() {
        return Fixtures.signedIn(directory, commune.officerALogin(), commune.officerA());
    }

    private int attempts() {
        return jdbc.sql("SELECT coalesce(max(attempts), 0) FROM incidents.signal_queue WHERE commune_code = ?")
                .param(commune.code())
                .query(Integer.class)
                .single();
    }

    private void groupMessage(String text) {
        signals.group(commune, GROUP, text);
    }

    private int recorded() {
        return jdbc.sql("SELECT count(*) FROM incidents.signals WHERE commune_code = ?")
                .param(commune.code())
                .query(Integer.class)
                .single();
    }

    private int queued() {
        return jdbc.sql("SELECT count(*) FROM incidents.signal_queue WHERE commune_code = ?")
                .param(commune.code())
                .query(Integer.class)
                .single();
    }
}
