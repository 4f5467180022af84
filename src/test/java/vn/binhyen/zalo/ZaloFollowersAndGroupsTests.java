package vn.binhyen.zalo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.conversations.internal.ConversationConsole;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.zalosim.internal.SimWorld.SimOa;

/**
 * Followers read from Zalo page by page (tags become villages, a daily total goes into the history) and the OA's
 * groups linked to village community groups, so group traffic goes to the village's officer, who can post back.
 */
class ZaloFollowersAndGroupsTests extends ZaloIntegrationTest {

    @Autowired
    ZaloFollowers followers;

    @Autowired
    ZaloCommunityGroups groups;

    @Autowired
    ConversationConsole console;

    @Autowired
    Directory directory;

    @Autowired
    WebApplicationContext context;

    TestCommune commune;
    SimOa oa;

    @BeforeEach
    void page() {
        commune = Fixtures.commune(jdbc);
        oa = simZalo.openAndBind(commune.code(), "Công an xã " + commune.code());
        simZalo.connect(oa.oaId());
    }

    AccessScope officerA() {
        return new AccessScope(
                commune.officerA(),
                OfficerRole.AREA_OFFICER,
                commune.code(),
                commune.provinceCode(),
                Set.of(commune.villageA()));
    }

    @Test
    void aSyncReadsEveryFollowerPageByPageTakesTagsAsVillagesAndRecordsTheDaysTotal() throws Exception {
        for (int i = 0; i < 120; i++) {
            String user = world.newUser("Người quan tâm " + i).userId();
            world.setFollowing(oa.oaId(), user, true);
            if (i % 3 == 0) {
                world.tag(oa.oaId(), user, "Thôn A");
            } else if (i % 3 == 1) {
                world.tag(oa.oaId(), user, "thon b");
            }
        }
        // Someone BinhYen thought followed, but Zalo no longer lists.
        jdbc.sql("""
                        INSERT INTO zalo.followers (oa_id, user_id, following, last_event_at)
                        VALUES (?, '6199999999999999999', TRUE, ?)
                        """)
                .params(oa.oaId(), Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS)))
                .update();

        // The shared per-app budget is used up this minute: the sync pauses and keeps its place.
        Timestamp minute = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MINUTES));
        jdbc.sql(
                        "INSERT INTO zalo.api_budget (app_id, minute, used) VALUES (?, ?, 1000000) ON CONFLICT (app_id, minute) DO UPDATE SET used = 1000000")
                .params(oa.appId(), minute)
                .update();
        try {
            assertThat(followers.syncNow(oa.oaId())).isEqualTo("PAUSED");
        } finally {
            jdbc.sql("DELETE FROM zalo.api_budget WHERE app_id = ?")
                    .param(oa.appId())
                    .update();
        }

        assertThat(followers.syncNow(oa.oaId())).isEqualTo("COMPLETE");

        var overview = followers.overview(oa.oaId());
        assertThat(overview.following()).isEqualTo(120);
        assertThat(overview.villages())
                .extracting(v -> v.village() + "=" + v.followers())
                .containsExactlyInAnyOrder("Thôn A=40", "Thôn B=40", "null=40");
        assertThat(overview.history())
                .first()
                .satisfies(d -> assertThat(d.total()).isEqualTo(120));
        assertThat(jdbc.sql("SELECT following FROM zalo.followers WHERE oa_id = ? AND user_id = '6199999999999999999'")
                        .param(oa.oaId())
                        .query(Boolean.class)
                        .single())
                .isFalse();

        // The administrator's page shows it.
        long admin = jdbc.sql("""
                        INSERT INTO directory.officers (police_unit_id, full_name, role)
                        SELECT id, 'Quản trị ' || ?, 'ADMINISTRATOR' FROM directory.police_units WHERE unit_code = ?
                        RETURNING id
                        """)
                .params(commune.code(), commune.code())
                .query(Long.class)
                .single();
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        var principal = user(Fixtures.signedIn(directory, "admin" + commune.code(), admin));
        mvc.perform(get("/admin/zalo/" + oa.oaId() + "/followers").with(principal))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("120 người đang quan tâm trang")));
        mvc.perform(get("/admin/zalo/0000/followers").with(principal))
                .andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Không tìm thấy trang Zalo OA")));
        mvc.perform(post("/admin/zalo/" + oa.oaId() + "/groups/x/link")
                        .param("communityGroupId", "abc")
                        .with(principal)
                        .with(csrf()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aPageWithMoreThanTenThousandFollowersIsReadToTheEndInPeriodsOfLastInteraction() {
        // Zalo's list stops at offset 9,951: 10,120 followers, their last interactions spread over 40 days.
        Instant now = Instant.now();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_120; i++) {
            String user = world.newUser("Người theo dõi " + i).userId();
            world.setFollowing(oa.oaId(), user, true);
            world.interacted(oa.oaId(), user, now.minus(i % 40, ChronoUnit.DAYS));
            ids.add(user);
        }
        String tagged = ids.getLast();
        world.tag(oa.oaId(), tagged, "Thôn A");
        // An earlier sync read all but the last 20 yesterday (their details are fresh, so only listed now), and
        // recorded them before an unfollow-and-follow-again it never saw; and someone Zalo no longer lists.
        Timestamp yesterday = Timestamp.from(now.minus(1, ChronoUnit.DAYS));
        jdbc.sql("""
                        INSERT INTO zalo.followers (oa_id, user_id, following, last_event_at, detail_synced_at)
                        SELECT ?, u, FALSE, ?, ? FROM unnest(?::TEXT[]) AS u
                        """)
                .params(oa.oaId(), yesterday, yesterday, "{" + String.join(",", ids.subList(0, 10_100)) + "}")
                .update();
        jdbc.sql("""
                        INSERT INTO zalo.followers (oa_id, user_id, following, last_event_at)
                        VALUES (?, '6199999999999999998', TRUE, ?)
                        """).params(oa.oaId(), yesterday).update();

        assertThat(followers.syncNow(oa.oaId())).isEqualTo("COMPLETE");

        assertThat(followers.overview(oa.oaId()).following()).isEqualTo(10_120);
        assertThat(jdbc.sql("SELECT last_total FROM zalo.follower_syncs WHERE oa_id = ?")
                        .param(oa.oaId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(10_120);
        assertThat(jdbc.sql("SELECT count(*) FROM zalo.followers WHERE oa_id = ? AND detail_synced_at > ?")
                        .params(oa.oaId(), yesterday)
                        .query(Integer.class)
                        .single())
                .as("details read only for the followers new to BinhYen")
                .isEqualTo(20);
        assertThat(jdbc.sql("SELECT village_id FROM zalo.followers WHERE oa_id = ? AND user_id = ?")
                        .params(oa.oaId(), tagged)
                        .query(Long.class)
                        .single())
                .isEqualTo(commune.villageA());
        assertThat(jdbc.sql("SELECT following FROM zalo.followers WHERE oa_id = ? AND user_id = '6199999999999999998'")
                        .param(oa.oaId())
                        .query(Boolean.class)
                        .single())
                .isFalse();

        // A follower Zalo dates no interaction for is in none of the periods: the run is partial and marks nobody
        // unfollowed on the strength of it.
        world.setFollowing(oa.oaId(), world.newUser("Chưa từng nhắn").userId(), true);
        jdbc.sql("UPDATE zalo.followers SET following = TRUE WHERE oa_id = ? AND user_id = '6199999999999999998'")
                .param(oa.oaId())
                .update();
        assertThat(followers.syncNow(oa.oaId())).isEqualTo("PARTIAL");
        assertThat(jdbc.sql("SELECT following FROM zalo.followers WHERE oa_id = ? AND user_id = '6199999999999999998'")
                        .param(oa.oaId())
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void aVillageAnOfficerSetsIsWrittenBackToZaloAsTheFollowersTagInPlaceOfTheOldOne() {
        String user = world.newUser("Người dân đổi thôn").userId();
        residents.follow(oa, user, true);
        residents.tag(oa, user, "Thôn A");
        residents.sendText(oa, user, "Cho tôi hỏi lịch tiếp dân");
        eventually()
                .until(() -> jdbc.sql("""
                                        SELECT count(*) FROM zalo.followers
                                         WHERE oa_id = ? AND user_id = ? AND 'Thôn A' = ANY(tags)
                                        """)
                                .params(oa.oaId(), user)
                                .query(Integer.class)
                                .single()
                        == 1);
        long thread = eventually()
                .until(
                        () -> jdbc.sql("SELECT id FROM conversations.threads WHERE account_ref = ? AND contact_ref = ?")
                                .params(oa.oaId(), user)
                                .query(Long.class)
                                .optional(),
                        java.util.Optional::isPresent)
                .orElseThrow();

        var staff = new AccessScope(
                commune.officerA(), OfficerRole.COMMUNE_STAFF, commune.code(), commune.provinceCode(), Set.of());
        console.setVillage(staff, thread, commune.villageB());

        eventually()
                .untilAsserted(() -> assertThat(world.tagsOf(oa.oaId(), user)).containsExactly("Thôn B"));
        assertThat(jdbc.sql(
                                "SELECT village_id, village_source, tags::TEXT FROM zalo.followers WHERE oa_id = ? AND user_id = ?")
                        .params(oa.oaId(), user)
                        .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3))
                        .single())
                .isEqualTo(commune.villageB() + " OFFICER {\"Thôn B\"}");
    }

    @Test
    void thePhonePageIsWholeHoweverManyUsersTheSimulatorHas() throws Exception {
        for (int i = 0; i < 300; i++) {
            world.newUser("Người dùng đông " + i);
        }
        var response = http.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://localhost:" + port + "/sim/phone?oa=" + oa.oaId()))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().strip()).endsWith("</html>").contains("name=\"_csrf\"");
    }

    @Test
    void aLinkedGroupsTrafficGoesToItsVillagesOfficerWhoPostsBackIntoTheGroup() throws Exception {
        var simGroup = world.openGroup(oa.oaId(), "Nhóm an ninh Thôn A " + commune.code());
        long communityGroup =
                jdbc.sql("""
                        INSERT INTO directory.community_groups (village_id, name) VALUES (?, 'An ninh Thôn A') RETURNING id
                        """).param(commune.villageA()).query(Long.class).single();

        assertThat(groups.refresh(oa.oaId())).isEqualTo(1);
        groups.link(oa.oaId(), simGroup.groupId(), communityGroup);
        assertThat(groups.linkedGroupsFor(officerA()))
                .extracting(g -> g.groupId())
                .contains(simGroup.groupId());

        String member = world.newUser("Thành viên nhóm thôn A").userId();
        residents.sendGroupText(simGroup, member, "Tối nay thôn mình có mất điện, mọi người khoá cửa cẩn thận.");
        eventually()
                .until(() -> jdbc.sql("SELECT count(*) FROM conversations.threads WHERE contact_ref = ?")
                                .param(simGroup.groupId())
                                .query(Integer.class)
                                .single()
                        == 1);
        // One page for village groups: the registry, whose Zalo column the channel fills in (htmx, out of band).
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        var signedInA = user(Fixtures.signedIn(directory, "ksv" + commune.code(), commune.officerA()));
        mvc.perform(get("/console/zalo/groups").with(signedInA))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/console/groups"));
        mvc.perform(get("/console/groups").with(signedInA))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"zalo-" + communityGroup + "\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/console/zalo/groups/cells")));
        mvc.perform(get("/console/zalo/groups/cells").with(signedInA))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"zalo-" + communityGroup + "\"")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "/console/zalo/groups/" + oa.oaId() + "/" + simGroup.groupId() + "/open")));

        long thread = groups.openThread(officerA(), oa.oaId(), simGroup.groupId());
        assertThat(jdbc.sql("SELECT assigned_officer_id FROM conversations.threads WHERE id = ?")
                        .param(thread)
                        .query(Long.class)
                        .single())
                .isEqualTo(commune.officerA());
        assertThat(console.thread(officerA(), thread).thread().kind().name()).isEqualTo("GROUP");

        console.reply(
                officerA(),
                thread,
                "Công an xã sẽ tăng cường tuần tra tối nay.",
                UUID.randomUUID().toString());
        eventually()
                .untilAsserted(() -> assertThat(world.conversation(oa.oaId(), simGroup.groupId()))
                        .anyMatch(m -> m.fromOa && m.text.equals("Công an xã sẽ tăng cường tuần tra tối nay.")));

        long otherCommuneGroup = jdbc.sql("""
                        INSERT INTO directory.community_groups (village_id, name) VALUES (?, 'Nhóm xã khác') RETURNING id
                        """)
                .param(Fixtures.commune(jdbc).villageA())
                .query(Long.class)
                .single();
        assertThatThrownBy(() -> groups.link(oa.oaId(), simGroup.groupId(), otherCommuneGroup))
                .isInstanceOf(ZaloChannelException.class)
                .extracting(e -> ((ZaloChannelException) e).messageKey())
                .isEqualTo("zalo.groups.otherCommune");
    }
}
