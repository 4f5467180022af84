package vn.binhyen.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.binhyen.zalo.internal.WebhookSignature;
import vn.binhyen.zalosim.internal.SimResidents;

/**
 * Residents' replies to a bulletin, over the simulator and signed webhooks: a message that quotes a bulletin on Zalo
 * ({@code quote_msg_id}) is linked to that bulletin even when a newer one reached the resident since; a message
 * without a quote is linked to the latest bulletin that reached the resident within the window; a resident no
 * bulletin reached is linked to none. The bulletin's page lists the replies with their text and thread.
 */
class BulletinReplyTests extends BulletinsIntegrationTest {

    @Autowired
    SimResidents residents;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void repliesAreLinkedByQuoteOrElseByTheLatestBulletinThatReachedTheResident() throws Exception {
        Place place = place();
        List<String> inA = followers(place, place.commune().villageA(), 2);
        String quoting = inA.get(0);
        String writing = inA.get(1);
        String elsewhere = followers(place, place.villageC(), 1).getFirst();

        var first = bulletins.submit(
                officerA(place),
                null,
                draft(
                        BulletinKind.CRIME_METHOD,
                        "Giả danh công an gọi điện",
                        villages(place.commune().villageA())));
        eventually().until(() -> bulletins.progress(first.id()).figures().sent() == 2);
        var second = bulletins.submit(
                officerA(place),
                null,
                draft(
                        BulletinKind.SECURITY,
                        "Tuần tra đêm thôn A",
                        villages(place.commune().villageA())));
        eventually().until(() -> bulletins.progress(second.id()).figures().sent() == 2);

        // The first resident quotes the first bulletin on Zalo; the second just writes back; the third had none.
        String quotedId = jdbc.sql(
                        "SELECT zalo_message_id FROM zalo.deliveries WHERE bulletin_ref = ? AND recipient_id = ?")
                .params(first.id(), quoting)
                .query(String.class)
                .single();
        assertThat(postText(place, quoting, "Tôi cũng vừa bị gọi như vậy", quotedId))
                .isEqualTo(200);
        var page = world.oa(place.oa().oaId()).orElseThrow();
        residents.sendText(page, writing, "Tối nay có tuần tra ở xóm tôi không?");
        residents.sendText(page, elsewhere, "Cho hỏi làm căn cước ở đâu?");

        eventually()
                .until(() -> bulletins.replies(chief(place), first.id()).size() == 1
                        && bulletins.replies(chief(place), second.id()).size() == 1);
        var toFirst = bulletins.replies(chief(place), first.id()).getFirst();
        assertThat(toFirst.text()).isEqualTo("Tôi cũng vừa bị gọi như vậy");
        assertThat(toFirst.quoted()).isTrue();
        var toSecond = bulletins.replies(chief(place), second.id()).getFirst();
        assertThat(toSecond.text()).isEqualTo("Tối nay có tuần tra ở xóm tôi không?");
        assertThat(toSecond.quoted()).isFalse();
        Thread.sleep(1000);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM bulletins.replies r JOIN bulletins.bulletins b ON b.id = r.bulletin_id"
                                        + " WHERE b.home_commune_code = ?")
                        .param(place.commune().code())
                        .query(Long.class)
                        .single())
                .as("the resident no bulletin reached is linked to none")
                .isEqualTo(2);
        assertThat(toFirst.threadId()).isNotEqualTo(toSecond.threadId());
    }

    int postText(Place place, String user, String text, String quoteMsgId) throws Exception {
        long now = System.currentTimeMillis();
        String body = "{\"app_id\":\"" + place.oa().appId() + "\",\"sender\":{\"id\":\"" + user
                + "\"},\"recipient\":{\"id\":\"" + place.oa().oaId() + "\"},\"event_name\":\"user_send_text\","
                + "\"message\":{\"text\":\"" + text + "\",\"msg_id\":\"q" + now + "\",\"quote_msg_id\":\"" + quoteMsgId
                + "\"},\"timestamp\":\"" + now + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/channels/zalo/"
                        + place.oa().oaId() + "/webhook"))
                .header("Content-Type", "application/json")
                .header(
                        "X-ZEvent-Signature",
                        "mac="
                                + WebhookSignature.compute(
                                        place.oa().appId(),
                                        bytes,
                                        String.valueOf(now),
                                        place.oa().oaSecretKey()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
