package vn.binhyen.zalo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.conversations.internal.ConversationConsole;
import vn.binhyen.conversations.internal.TipMaker;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.reports.IdentityCodec;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.reports.TipWorkflowException;
import vn.binhyen.reports.internal.Register;
import vn.binhyen.reports.internal.Register.Actor;
import vn.binhyen.reports.internal.RegisterQuery;
import vn.binhyen.shared.crypto.SecretBox;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.RegisterFixtures;
import vn.binhyen.zalosim.internal.SimWorld.SimOa;

/**
 * A reporter who gave their identity on a Zalo chat gets the receipt and the result on that chat, through the
 * delivery queue and the simulator over HTTP; outside Zalo's 7-day window the notice stays on the status page only.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReporterNoticeOverZaloTests extends ZaloIntegrationTest {

    @Autowired
    ConversationConsole console;

    @Autowired
    TipMaker tipMaker;

    @Autowired
    Register register;

    @Autowired
    RegisterQuery registerQuery;

    @Autowired
    WebApplicationContext context;

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
        // What became of each notice is on the docket, once per state: queued, accepted by Zalo, on the phone, seen.
        String receipt = "receipt:" + tipId;
        eventually().until(() -> zaloOutcomes(tipId).contains("DELIVERED " + receipt));
        eventually().until(() -> zaloOutcomes(tipId).stream().anyMatch(d -> d.startsWith("DELIVERED result:")));
        residents.read(oa, user);
        eventually()
                .until(() -> zaloOutcomes(tipId).stream()
                                .filter(d -> d.startsWith("SEEN"))
                                .count()
                        == 2);
        assertThat(zaloOutcomes(tipId))
                .filteredOn(d -> d.endsWith(receipt))
                .containsExactly("QUEUED " + receipt, "SENT " + receipt, "DELIVERED " + receipt, "SEEN " + receipt);
        assertThat(zaloOutcomes(tipId))
                .filteredOn(d -> d.contains("result:"))
                .extracting(d -> d.substring(0, d.indexOf(' ')))
                .containsExactly("QUEUED", "SENT", "DELIVERED", "SEEN");
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
        // The receipt is queued inside the window; let it arrive before the window closes.
        eventually().until(() -> zaloOutcomes(tipId).contains("DELIVERED receipt:" + tipId));
        jdbc.sql("UPDATE zalo.followers SET last_interaction_at = now() - interval '8 days'"
                        + " WHERE oa_id = ? AND user_id = ?")
                .params(oa.oaId(), user)
                .update();
        int before = fromPage(user).size();

        register.transfer(chief(), tipId, "Cơ quan CSĐT Công an tỉnh", null, null);

        eventually().until(() -> zaloOutcomes(tipId).stream().anyMatch(d -> d.contains("result:")));
        assertThat(zaloOutcomes(tipId))
                .filteredOn(d -> d.contains("result:"))
                .singleElement()
                .asString()
                .startsWith("OUTSIDE_WINDOW");
        assertThat(fromPage(user)).hasSize(before);
        assertThat(jdbc.sql("SELECT count(*) FROM reports.tip_messages WHERE tip_id = ? AND author = 'OFFICER'"
                                + " AND body LIKE '%đã chuyển tin báo của bạn đến%'")
                        .param(tipId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aProtectionRequestReachesTheChiefsOwnZaloAndTheReporterIsToldWhereItWent(CapturedOutput output)
            throws Exception {
        String user = world.newUser("Người báo tin bị đe doạ").userId();
        long tipId = identifiedZaloTip(user);
        String code = jdbc.sql("SELECT code FROM reports.tips WHERE id = ?")
                .param(tipId)
                .query(String.class)
                .single();
        String chiefsZalo = world.newUser("Trưởng Công an xã").userId();
        world.interacted(oa.oaId(), chiefsZalo, Instant.now());
        // The chief linked their own Zalo earlier (the linking itself is ZaloAlertTests' subject).
        jdbc.sql("INSERT INTO zalo.officer_links (officer_id, oa_id, user_id, linked_at) VALUES (?, ?, ?, now())")
                .params(commune.chief(), oa.oaId(), chiefsZalo)
                .update();
        Actor staff = new Actor(staff(), "canbo" + commune.code());

        register.requestProtection(staff, tipId, "Người báo tin nói bị nhắn tin đe doạ sau khi báo tin");
        register.requestProtection(staff, tipId, "Lại bị đe doạ");

        eventually().until(() -> fromPage(chiefsZalo).stream().anyMatch(t -> t.startsWith("BÁO TIN CẦN BẢO VỆ")));
        assertThat(fromPage(chiefsZalo))
                .as("one message per request and chief, naming the tip but not the reporter")
                .singleElement()
                .asString()
                .contains(code)
                .doesNotContain("Phạm Văn Đức")
                .doesNotContain("0912345678");
        assertThat(registerQuery.protectionRequestsWaiting(chief().scope(), 20))
                .extracting(RegisterQuery.ProtectionRequest::tipCode)
                .containsExactly(code);

        // The chief's register lists it, and the report's page offers the forwarding (and shows the notices' fate).
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        var chiefSignedIn = user(Fixtures.signedIn(directory, commune.chiefLogin(), commune.chief()));
        eventually().until(() -> zaloOutcomes(tipId).contains("DELIVERED receipt:" + tipId));
        mvc.perform(get("/console/register").with(chiefSignedIn))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đề nghị bảo vệ người tố giác chờ chuyển (1)")))
                .andExpect(content().string(containsString(code)));
        mvc.perform(get("/console/tips/{id}", tipId).with(chiefSignedIn))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"protection-forward\"")))
                .andExpect(content().string(containsString("đã đến điện thoại người báo tin (receipt:" + tipId + ")")));

        assertThatThrownBy(() -> register.forwardProtectionRequest(staff, tipId, "Cơ quan CSĐT"))
                .as("the chief forwards it, not the staff")
                .isInstanceOf(TipWorkflowException.class);
        assertThatThrownBy(() -> register.forwardProtectionRequest(chief(), tipId, "  "))
                .isInstanceOf(TipWorkflowException.class);
        register.forwardProtectionRequest(chief(), tipId, "Cơ quan Cảnh sát điều tra Công an tỉnh");
        assertThatThrownBy(() -> register.forwardProtectionRequest(chief(), tipId, "Cơ quan khác"))
                .as("forwarded once")
                .isInstanceOf(TipWorkflowException.class);

        assertThat(registerQuery.protectionRequestsWaiting(chief().scope(), 20)).isEmpty();
        mvc.perform(get("/console/tips/{id}", tipId).with(chiefSignedIn))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"protection-forward\""))))
                .andExpect(content().string(containsString("Cơ quan Cảnh sát điều tra Công an tỉnh")));
        eventually().until(() -> fromPage(user).stream().anyMatch(t -> t.contains("đề nghị bảo vệ của bạn")));
        assertThat(fromPage(user))
                .filteredOn(t -> t.contains("đề nghị bảo vệ của bạn"))
                .singleElement()
                .asString()
                .startsWith(code)
                .contains("Cơ quan Cảnh sát điều tra Công an tỉnh");
        assertThat(jdbc.sql("SELECT count(*) FROM reports.tip_messages WHERE tip_id = ? AND author = 'OFFICER'"
                                + " AND body LIKE '%đề nghị bảo vệ của bạn%'")
                        .param(tipId)
                        .query(Integer.class)
                        .single())
                .as("also on the reporter's status page")
                .isEqualTo(1);
        assertThat(output.getAll()).doesNotContain("0912345678").doesNotContain("Phạm Văn Đức");
    }
}
