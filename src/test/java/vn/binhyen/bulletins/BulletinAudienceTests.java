package vn.binhyen.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A bulletin's audience comes from what the Zalo channel knows: followers by the village on their follower row
 * (however it got there: a tag, a submitted address, an officer), groups by the village their link gives them. A
 * follower placed by a tag and then by an officer follows the officer; an unlinked group gets nothing.
 */
class BulletinAudienceTests extends BulletinsIntegrationTest {

    @Test
    void followersAndGroupsAreReachedByTheVillageTheZaloChannelKnows() {
        Place place = place();
        List<String> inA = followers(place, place.commune().villageA(), 3);
        List<String> inC = followers(place, place.villageC(), 2);
        // A follower the page knows by a tag in village C, then placed by an officer in village A.
        String moved = inC.getFirst();
        jdbc.sql("UPDATE zalo.followers SET village_id = ?, village_source = 'OFFICER' WHERE oa_id = ? AND user_id = ?")
                .params(place.commune().villageA(), place.oa().oaId(), moved)
                .update();
        // A follower with no village, and one who unfollowed in village A: neither is in the audience.
        String nowhere = world.newUser("Cư dân không rõ thôn").userId();
        String gone = world.newUser("Cư dân đã bỏ theo dõi").userId();
        Instant now = Instant.now();
        for (String user : List.of(nowhere, gone)) {
            world.setFollowing(place.oa().oaId(), user, true);
            world.interacted(place.oa().oaId(), user, now);
        }
        jdbc.sql("""
                        INSERT INTO zalo.followers (oa_id, user_id, following, last_event_at, last_interaction_at,
                            village_id) VALUES (?, ?, TRUE, ?, ?, NULL), (?, ?, FALSE, ?, ?, ?)
                        """)
                .params(
                        place.oa().oaId(),
                        nowhere,
                        Timestamp.from(now),
                        Timestamp.from(now),
                        place.oa().oaId(),
                        gone,
                        Timestamp.from(now),
                        Timestamp.from(now),
                        place.commune().villageA())
                .update();
        var groupA = world.openGroup(
                place.oa().oaId(), "Nhóm thôn A " + place.commune().code());
        var groupC = world.openGroup(
                place.oa().oaId(), "Nhóm thôn C " + place.commune().code());
        var unlinked = world.openGroup(
                place.oa().oaId(), "Nhóm chưa gắn " + place.commune().code());
        audience.linkGroup(
                place.oa().oaId(),
                groupA.groupId(),
                groupA.name(),
                null,
                place.commune().villageA());
        audience.linkGroup(place.oa().oaId(), groupC.groupId(), groupC.name(), null, place.villageC());
        jdbc.sql("INSERT INTO zalo.groups (oa_id, group_id, name, synced_at) VALUES (?, ?, ?, now())")
                .params(place.oa().oaId(), unlinked.groupId(), unlinked.name())
                .update();

        var submitted = bulletins.submit(
                officerA(place),
                null,
                draft(
                        BulletinKind.SECURITY,
                        "Tuần tra thôn A",
                        villages(place.commune().villageA())));
        eventually().until(() -> bulletins.progress(submitted.id()).finished());
        // The sends land on the phones as Zalo accepts them; on a busy run the last may follow the progress figure.
        eventually().until(() -> inA.stream().allMatch(user -> messagesOnPhone(place, user, "Tuần tra thôn A") >= 1));

        for (String user : inA) {
            assertThat(messagesOnPhone(place, user, "Tuần tra thôn A")).isEqualTo(1);
        }
        assertThat(messagesOnPhone(place, moved, "Tuần tra thôn A")).isEqualTo(1);
        for (String user : List.of(inC.get(1), nowhere, gone)) {
            assertThat(messagesOnPhone(place, user, "Tuần tra thôn A")).isZero();
        }
        assertThat(groupMessages(place, groupA.groupId(), "Tuần tra thôn A")).isEqualTo(1);
        assertThat(groupMessages(place, groupC.groupId(), "Tuần tra thôn A")).isZero();
        assertThat(groupMessages(place, unlinked.groupId(), "Tuần tra thôn A")).isZero();
        var figures = bulletins.progress(submitted.id()).figures();
        assertThat(figures.residents()).isEqualTo(4);
        assertThat(figures.groups()).isEqualTo(1);

        // The whole commune: every linked group, every follower (with or without a village), not the unlinked group.
        var whole = bulletins.submit(
                chief(place),
                null,
                draft(
                        BulletinKind.SECURITY,
                        "Cả xã cùng biết",
                        Audience.communes(Set.of(place.commune().code()))));
        eventually().until(() -> bulletins.progress(whole.id()).finished());
        // As above: the last sends may reach the phones just after the progress figure (a local full run of session 11
        // saw it).
        eventually()
                .until(() -> messagesOnPhone(place, nowhere, "Cả xã cùng biết") >= 1
                        && groupMessages(place, groupC.groupId(), "Cả xã cùng biết") >= 1);
        assertThat(messagesOnPhone(place, nowhere, "Cả xã cùng biết")).isEqualTo(1);
        assertThat(groupMessages(place, groupC.groupId(), "Cả xã cùng biết")).isEqualTo(1);
        assertThat(groupMessages(place, unlinked.groupId(), "Cả xã cùng biết")).isZero();
    }

    int groupMessages(Place place, String groupId, String text) {
        return (int) world.conversation(place.oa().oaId(), groupId).stream()
                .filter(m -> m.fromOa && m.text.contains(text))
                .count();
    }
}
