package vn.binhyen.zalo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.conversations.ConversationNotFoundException;
import vn.binhyen.conversations.ReplyRejectedException;
import vn.binhyen.conversations.internal.ConversationConsole;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.zalosim.internal.SimWorld.SimOa;

/**
 * A resident's thread goes to the area officer of the resident's village (learned from a follower tag, from the
 * address they shared, or set by an officer), otherwise to the commune queue; area officers see their threads only.
 */
class ZaloAssignmentTests extends ZaloIntegrationTest {

    @Autowired
    ConversationConsole console;

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

    AccessScope officerA() {
        return new AccessScope(
                commune.officerA(),
                OfficerRole.AREA_OFFICER,
                commune.code(),
                commune.provinceCode(),
                Set.of(commune.villageA()));
    }

    AccessScope officerB() {
        return new AccessScope(
                commune.officerB(),
                OfficerRole.AREA_OFFICER,
                commune.code(),
                commune.provinceCode(),
                Set.of(commune.villageB()));
    }

    long threadWith(String userId) {
        eventually()
                .until(() ->
                        jdbc.sql("SELECT count(*) FROM conversations.threads WHERE account_ref = ? AND contact_ref = ?")
                                        .params(oa.oaId(), userId)
                                        .query(Integer.class)
                                        .single()
                                == 1);
        return jdbc.sql("SELECT id FROM conversations.threads WHERE account_ref = ? AND contact_ref = ?")
                .params(oa.oaId(), userId)
                .query(Long.class)
                .single();
    }

    @Nullable
    Long assignee(long thread) {
        return jdbc.sql("SELECT assigned_officer_id FROM conversations.threads WHERE id = ?")
                .param(thread)
                .query((rs, row) -> java.util.Optional.ofNullable(rs.getObject(1, Long.class)))
                .single()
                .orElse(null);
    }

    void processed() {
        eventually()
                .until(() ->
                        jdbc.sql("SELECT count(*) FROM zalo.webhook_events WHERE oa_id = ? AND processed_at IS NULL")
                                        .param(oa.oaId())
                                        .query(Integer.class)
                                        .single()
                                == 0);
    }

    @Test
    void aTaggedResidentsThreadGoesToTheAreaOfficerOfTheVillage() {
        String user = world.newUser("Người dân có thẻ").userId();
        residents.follow(oa, user, true);
        residents.tag(oa, user, "Thôn A");
        processed();
        residents.sendText(oa, user, "Đêm qua có người lạ đi quanh xóm");
        long thread = threadWith(user);

        eventually().untilAsserted(() -> assertThat(assignee(thread)).isEqualTo(commune.officerA()));
        assertThat(console.inbox(officerA(), null)).anyMatch(t -> t.id() == thread);
        assertThat(console.inbox(officerB(), null)).noneMatch(t -> t.id() == thread);
        assertThatThrownBy(() -> console.thread(officerB(), thread)).isInstanceOf(ConversationNotFoundException.class);
        assertThat(jdbc.sql("SELECT village_id FROM zalo.followers WHERE oa_id = ? AND user_id = ?")
                        .params(oa.oaId(), user)
                        .query(Long.class)
                        .single())
                .isEqualTo(commune.villageA());
    }

    @Test
    void withoutAVillageTheThreadWaitsInTheCommuneQueueUntilTheResidentSharesAnAddress() {
        String user = world.newUser("Người dân chưa rõ thôn").userId();
        residents.sendText(oa, user, "Cho hỏi thủ tục đăng ký tạm trú");
        long thread = threadWith(user);
        processed();

        assertThat(assignee(thread)).isNull();
        assertThat(console.inbox(staff(), null)).anyMatch(t -> t.id() == thread);
        assertThat(console.inbox(officerA(), null)).noneMatch(t -> t.id() == thread);
        assertThat(console.inbox(officerB(), null)).noneMatch(t -> t.id() == thread);

        residents.submitInfo(oa, user, "Lê Thị Hồng", "0905123456", "Số 12, thôn B, xã Thử");
        eventually().untilAsserted(() -> assertThat(assignee(thread)).isEqualTo(commune.officerB()));
        assertThat(console.inbox(officerB(), null)).anyMatch(t -> t.id() == thread);

        byte[] sealed = jdbc.sql(
                        "SELECT sealed FROM conversations.contact_cards WHERE account_ref = ? AND contact_ref = ?")
                .params(oa.oaId(), user)
                .query((rs, row) -> rs.getBytes(1))
                .single();
        String raw = new String(sealed, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("0905123456").doesNotContain("Hồng");
        assertThat(console.thread(staff(), thread).hasContactCard()).isTrue();
    }

    @Test
    void aVillageZaloCannotTakeNowIsKeptAndWrittenToZaloWhenZaloTakesRequestsAgain() {
        String user = world.newUser("Người dân chờ gắn thẻ").userId();
        residents.follow(oa, user, true);
        residents.sendText(oa, user, "Cho hỏi công an khu vực thôn tôi là ai");
        long thread = threadWith(user);
        processed();

        // The app's API budget is spent for this minute and the next two: Zalo refuses, the tag waits.
        Instant now = Instant.now();
        for (int minute = 0; minute < 3; minute++) {
            jdbc.sql("""
                            INSERT INTO zalo.api_budget (app_id, minute, used) VALUES (?, ?, 1000000)
                            ON CONFLICT (app_id, minute) DO UPDATE SET used = 1000000
                            """)
                    .params(
                            oa.appId(),
                            Timestamp.from(now.truncatedTo(ChronoUnit.MINUTES).plus(minute, ChronoUnit.MINUTES)))
                    .update();
        }
        try {
            console.setVillage(staff(), thread, commune.villageA());
            eventually().untilAsserted(() -> assertThat(tagPublication(user)).contains("FAILED"));
            assertThat(jdbc.sql("SELECT village_source FROM zalo.followers WHERE oa_id = ? AND user_id = ?")
                            .params(oa.oaId(), user)
                            .query(String.class)
                            .optional())
                    .as("the village is kept though Zalo could not be told")
                    .contains("OFFICER");
            assertThat(world.tagsOf(oa.oaId(), user)).doesNotContain("Thôn A");
        } finally {
            jdbc.sql("DELETE FROM zalo.api_budget WHERE app_id = ?")
                    .param(oa.appId())
                    .update();
        }

        // No restart: the failed listener runs again and Zalo gets the tag.
        eventually()
                .untilAsserted(() -> assertThat(world.tagsOf(oa.oaId(), user)).contains("Thôn A"));
        eventually().untilAsserted(() -> assertThat(tagPublication(user)).contains("COMPLETED"));
    }

    /** The state of the publication that writes the user's village to Zalo as a tag. */
    Optional<String> tagPublication(String user) {
        return jdbc.sql("""
                        SELECT status FROM events.event_publication
                         WHERE listener_id LIKE '%ZaloContactVillages.tag(%' AND serialized_event LIKE ?
                        """).param("%" + user + "%").query(String.class).optional();
    }

    @Test
    void anOfficersChoiceOfVillageWinsOverLaterTagsAndOfficersReassignWithinTheirRights() {
        String user = world.newUser("Người dân được chọn thôn").userId();
        residents.sendText(oa, user, "Xin chào công an xã");
        long thread = threadWith(user);
        processed();

        console.setVillage(staff(), thread, commune.villageA());
        assertThat(assignee(thread)).isEqualTo(commune.officerA());
        eventually()
                .untilAsserted(() -> assertThat(
                                jdbc.sql("SELECT village_source FROM zalo.followers WHERE oa_id = ? AND user_id = ?")
                                        .params(oa.oaId(), user)
                                        .query(String.class)
                                        .optional())
                        .contains("OFFICER"));

        residents.tag(oa, user, "Thôn B");
        processed();
        assertThat(assignee(thread)).isEqualTo(commune.officerA());

        assertThatThrownBy(() -> console.reassign(officerA(), thread, commune.officerB()))
                .isInstanceOf(ReplyRejectedException.class);
        console.reassign(staff(), thread, commune.officerB());
        assertThat(assignee(thread)).isEqualTo(commune.officerB());
        // Officer A still covers the village, officer B has it assigned: both see it, as for tips.
        assertThat(console.inbox(officerB(), null)).anyMatch(t -> t.id() == thread);
        console.reassign(staff(), thread, null);
        assertThat(assignee(thread)).isNull();

        assertThatThrownBy(() -> console.setVillage(staff(), thread, 999_999_999L))
                .isInstanceOf(ReplyRejectedException.class)
                .extracting(e -> ((ReplyRejectedException) e).messageKey())
                .isEqualTo("conversations.village.unknown.error");
    }
}
