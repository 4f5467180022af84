package vn.binhyen.zalo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.conversations.ReplyRejectedException;
import vn.binhyen.conversations.internal.ConversationConsole;
import vn.binhyen.conversations.internal.TipMaker;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.Images;
import vn.binhyen.zalosim.internal.SimWorld.SimOa;

/** "Make it a tip": one step from a Zalo thread to the register, with the resident's text, location and photos. */
class ZaloTipFromThreadTests extends ZaloIntegrationTest {

    @Autowired
    ConversationConsole console;

    @Autowired
    TipMaker tipMaker;

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

    long thread(String contact, int messages) {
        eventually()
                .until(() -> jdbc.sql("""
                                SELECT count(*) FROM conversations.messages m JOIN conversations.threads t ON t.id = m.thread_id
                                 WHERE t.account_ref = ? AND t.contact_ref = ?
                                """)
                                .params(oa.oaId(), contact)
                                .query(Integer.class)
                                .single()
                        >= messages);
        return jdbc.sql("SELECT id FROM conversations.threads WHERE account_ref = ? AND contact_ref = ?")
                .params(oa.oaId(), contact)
                .query(Long.class)
                .single();
    }

    String photoUrl() {
        return "http://localhost:" + port + "/sim/zalo/media/" + world.storeMedia(Images.png());
    }

    @Test
    void theThreadsTextLocationAndPhotosBecomeATipLinkedFromTheThread() {
        String user = world.newUser("Người báo tin Zalo").userId();
        residents.sendText(oa, user, "Tối nay có khoảng 20 thanh niên tụ tập đua xe ở đường liên thôn.");
        residents.sendLocation(oa, user, 12.6801, 108.0452);
        residents.sendImage(oa, user, photoUrl(), "Ảnh chụp lúc 22 giờ");
        residents.sendImage(oa, user, "https://attacker.example/steal.png", "");
        long thread = thread(user, 4);
        String formKey = UUID.randomUUID().toString();

        var made = tipMaker.makeTip(staff(), thread, TipCategory.ILLEGAL_RACING, true, false, formKey);

        assertThat(made.code()).matches("TB-[A-Z0-9]{4}-[A-Z0-9]{4}");
        assertThat(made.photos()).isEqualTo(1);
        assertThat(made.photosLeftOut()).isEqualTo(1);
        Map<String, Object> tip = jdbc.sql("SELECT * FROM reports.tips WHERE id = ?")
                .param(made.tipId())
                .query()
                .singleRow();
        assertThat(tip.get("code")).isEqualTo(made.code());
        assertThat(tip.get("channel")).isEqualTo("ZALO");
        assertThat(tip.get("commune_code")).isEqualTo(commune.code());
        assertThat((String) tip.get("description")).contains("tụ tập đua xe").contains("Ảnh chụp lúc 22 giờ");
        assertThat((Double) tip.get("latitude")).isEqualTo(12.6801);
        assertThat((Double) tip.get("longitude")).isEqualTo(108.0452);
        assertThat(tip.get("anonymous")).isEqualTo(true);
        assertThat(tip.get("urgent")).isEqualTo(true);
        assertThat(jdbc.sql("SELECT count(*) FROM reports.tip_attachments WHERE tip_id = ?")
                        .param(made.tipId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(console.thread(staff(), thread).tips()).singleElement().satisfies(t -> {
            assertThat(t.tipId()).isEqualTo(made.tipId());
            assertThat(t.code()).isEqualTo(made.code());
        });

        var again = tipMaker.makeTip(staff(), thread, TipCategory.ILLEGAL_RACING, true, false, formKey);
        assertThat(again.tipId()).isEqualTo(made.tipId());
        // The same form key sent with another thread is no way to that tip's code: refused, nothing handed out.
        String other = world.newUser("Người dân khác").userId();
        residents.sendText(oa, other, "Có nhóm thanh niên lạ mặt hay tụ tập trước cổng trường cấp hai lúc tối.");
        long otherThread = thread(other, 1);
        assertThatThrownBy(
                        () -> tipMaker.makeTip(staff(), otherThread, TipCategory.ILLEGAL_RACING, true, false, formKey))
                .isInstanceOf(ReplyRejectedException.class)
                .extracting(e -> ((ReplyRejectedException) e).messageKey())
                .isEqualTo("conversations.tip.inProgress");
        assertThatThrownBy(() -> tipMaker.makeTip(
                        staff(),
                        thread,
                        TipCategory.ILLEGAL_RACING,
                        true,
                        false,
                        UUID.randomUUID().toString()))
                .isInstanceOf(ReplyRejectedException.class)
                .extracting(e -> ((ReplyRejectedException) e).messageKey())
                .isEqualTo("conversations.tip.tooShort");
    }

    @Test
    void theSharedContactCardIsTheReporterOnlyWhenTheOfficerSaysSo() {
        String user = world.newUser("Người báo tin có danh tính").userId();
        residents.submitInfo(oa, user, "Phạm Văn Đức", "0912345678", "Thôn A");
        residents.sendText(oa, user, "Phát hiện một người lạ hay đứng nhìn vào các nhà trong thôn.");
        long thread = thread(user, 1);
        eventually().until(() -> console.thread(staff(), thread).hasContactCard());

        var made = tipMaker.makeTip(
                staff(),
                thread,
                TipCategory.SUSPICIOUS_PERSON,
                false,
                true,
                UUID.randomUUID().toString());

        assertThat(jdbc.sql("SELECT anonymous FROM reports.tips WHERE id = ?")
                        .param(made.tipId())
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM reports.reporter_identities WHERE tip_id = ?")
                        .param(made.tipId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // The village came from the shared address: the tip lands in that village's inbox.
        assertThat(jdbc.sql("SELECT village_id FROM reports.tips WHERE id = ?")
                        .param(made.tipId())
                        .query(Long.class)
                        .single())
                .isEqualTo(commune.villageA());
    }

    @Test
    void aGroupThreadMakesAGroupTipAndAnonymousResidentsNeedNoCard() {
        var group = world.openGroup(oa.oaId(), "Nhóm an ninh Thôn B " + commune.code());
        String user = world.newUser("Thành viên nhóm").userId();
        residents.sendGroupText(group, user, "Trong nhóm có người rao bán hàng cấm, mọi người cẩn thận.");
        long thread = thread(group.groupId(), 1);

        assertThatThrownBy(() -> tipMaker.makeTip(
                        staff(),
                        thread,
                        TipCategory.OTHER,
                        false,
                        true,
                        UUID.randomUUID().toString()))
                .isInstanceOf(ReplyRejectedException.class)
                .extracting(e -> ((ReplyRejectedException) e).messageKey())
                .isEqualTo("conversations.tip.noCard");
        var made = tipMaker.makeTip(
                staff(),
                thread,
                TipCategory.OTHER,
                false,
                false,
                UUID.randomUUID().toString());
        assertThat(jdbc.sql("SELECT channel FROM reports.tips WHERE id = ?")
                        .param(made.tipId())
                        .query(String.class)
                        .single())
                .isEqualTo("ZALO_GROUP");
    }
}
