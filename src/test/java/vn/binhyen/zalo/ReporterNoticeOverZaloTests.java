package vn.binhyen.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.conversations.internal.ConversationConsole;
import vn.binhyen.conversations.internal.TipMaker;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.reports.IdentityCodec;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.reports.internal.Register;
import vn.binhyen.reports.internal.Register.Actor;
import vn.binhyen.shared.crypto.SecretBox;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.RegisterFixtures;
import vn.binhyen.zalosim.internal.SimResidents;
import vn.binhyen.zalosim.internal.SimWorld;
import vn.binhyen.zalosim.internal.SimWorld.SimOa;
import vn.binhyen.zalosim.internal.SimZalo;

/**
 * A reporter who gave their identity on a Zalo chat gets the receipt and the result on that chat, through the
 * delivery queue and the simulator over HTTP; outside Zalo's 7-day window the notice stays on the status page only.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReporterNoticeOverZaloTests extends ZaloIntegrationTest {

    @Autowired
    SimZalo simZalo;

    @Autowired
    SimWorld world;

    @Autowired
    SimResidents residents;

    @Autowired
    ConversationConsole console;

    @Autowired
    TipMaker tipMaker;

    @Autowired
    Register register;

    @Autowired
    Directory directory;

    @Autowired
    SecretBox secretBox;

    TestCommune commune;
    SimOa oa;

    @BeforeEach
    void page() {
        commune = Fixtures.commune(jdbc);
        oa = simZalo.openAndBind(commune.code(), "Công an xã " + commune.code());
        simZalo.connect(oa.oaId());
    }

    AccessScope staff() {
        return new AccessScope(
                commune.staff(), OfficerRole.COMMUNE_STAFF, commune.code(), commune.provinceCode(), Set.of());
    }

    Actor chief() {
        return new Actor(RegisterFixtures.scope(directory, commune.chief()), commune.chiefLogin());
    }

    long identifiedZaloTip(String user) {
        residents.submitInfo(oa, user, "Phạm Văn Đức", "0912345678", "Thôn A");
        residents.sendText(oa, user, "Có người lạ đêm nào cũng cạy cửa kho hợp tác xã ở thôn A.");
        eventually()
                .until(() ->
                        jdbc.sql("SELECT count(*) FROM conversations.threads WHERE account_ref = ? AND contact_ref = ?")
                                        .params(oa.oaId(), user)
                                        .query(Integer.class)
                                        .single()
                                == 1);
        long thread = jdbc.sql("SELECT id FROM conversations.threads WHERE account_ref = ? AND contact_ref = ?")
                .params(oa.oaId(), user)
                .query(Long.class)
                .single();
        eventually().until(() -> console.thread(staff(), thread).hasContactCard());
        return tipMaker.makeTip(
                        staff(),
                        thread,
                        TipCategory.THEFT,
                        false,
                        true,
                        UUID.randomUUID().toString())
                .tipId();
    }

    List<String> fromPage(String user) {
        return world.conversation(oa.oaId(), user).stream()
                .filter(m -> m.fromOa)
                .map(m -> m.text)
                .toList();
    }

    List<String> zaloOutcomes(long tipId) {
        return jdbc.sql(
                        "SELECT detail FROM reports.docket_events WHERE tip_id = ? AND type = 'NOTICE_ON_ZALO' ORDER BY id")
                .param(tipId)
                .query(String.class)
                .list();
    }

    @Test
    void theReceiptAndTheResultReachTheReportersZaloChat(CapturedOutput output) {
        String user = world.newUser("Người báo tin Zalo").userId();
        long tipId = identifiedZaloTip(user);
        String code = jdbc.sql("SELECT code FROM reports.tips WHERE id = ?")
                .param(tipId)
                .query(String.class)
                .single();

        byte[] sealed = jdbc.sql("SELECT sealed FROM reports.reporter_identities WHERE tip_id = ?")
                .param(tipId)
                .query(byte[].class)
                .single();
        assertThat(IdentityCodec.decode(secretBox.open(sealed, "tip:" + tipId)).zaloUserId())
                .isEqualTo(user);
        eventually().until(() -> fromPage(user).stream().anyMatch(t -> t.contains("vào sổ tiếp nhận số")));
        assertThat(fromPage(user))
                .filteredOn(t -> t.contains("vào sổ tiếp nhận số"))
                .singleElement()
                .asString()
                .contains(code)
                .doesNotContain("Phạm Văn Đức");

        register.transfer(chief(), tipId, "Cơ quan CSĐT Công an tỉnh", null, null);

        eventually().until(() -> fromPage(user).stream().anyMatch(t -> t.contains("đã chuyển tin báo của bạn đến")));
        assertThat(fromPage(user))
                .filteredOn(t -> t.contains("đã chuyển tin báo của bạn đến"))
                .singleElement()
                .asString()
                .startsWith(code)
                .contains("Cơ quan CSĐT Công an tỉnh");
        eventually().until(() -> zaloOutcomes(tipId).size() == 2);
        assertThat(zaloOutcomes(tipId)).allMatch(d -> d.startsWith("QUEUED"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entries WHERE subject = ? AND actor = 'system'"
                                + " AND action = 'IDENTITY_REVEAL'")
                        .param("tip:" + tipId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT coalesce(string_agg(serialized_event, ' '), '') FROM events.event_publication")
                        .query(String.class)
                        .single())
                .doesNotContain("Phạm Văn Đức")
                .doesNotContain("0912345678");
        assertThat(output.getAll()).doesNotContain("0912345678").doesNotContain("Phạm Văn Đức");
    }

    @Test
    void outsideZalosSevenDayWindowTheNoticeStaysOnTheStatusPage() {
        String user = world.newUser("Người báo tin đã lâu").userId();
        long tipId = identifiedZaloTip(user);
        eventually().until(() -> zaloOutcomes(tipId).size() == 1);
        // The receipt is queued inside the window; let it arrive before the window closes.
        eventually().until(() -> fromPage(user).stream().anyMatch(t -> t.contains("vào sổ tiếp nhận số")));
        jdbc.sql("UPDATE zalo.followers SET last_interaction_at = now() - interval '8 days'"
                        + " WHERE oa_id = ? AND user_id = ?")
                .params(oa.oaId(), user)
                .update();
        int before = fromPage(user).size();

        register.transfer(chief(), tipId, "Cơ quan CSĐT Công an tỉnh", null, null);

        eventually().until(() -> zaloOutcomes(tipId).size() == 2);
        assertThat(zaloOutcomes(tipId).get(1)).startsWith("OUTSIDE_WINDOW");
        assertThat(fromPage(user)).hasSize(before);
        assertThat(jdbc.sql("SELECT count(*) FROM reports.tip_messages WHERE tip_id = ? AND author = 'OFFICER'"
                                + " AND body LIKE '%đã chuyển tin báo của bạn đến%'")
                        .param(tipId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }
}
