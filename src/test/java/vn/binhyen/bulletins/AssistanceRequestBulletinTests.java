package vn.binhyen.bulletins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.binhyen.accounts.Accounts;
import vn.binhyen.incidents.IncidentActionException;
import vn.binhyen.incidents.internal.IncidentConsole;
import vn.binhyen.zalosim.internal.SimResidents;

/**
 * Early warning's request for witnesses, end to end: an area officer asks residents of two villages about an
 * incident (limits checked by the incident console); the request becomes a bulletin that waits for the commune chief
 * even though the officer covers those villages; once approved, followers in the two villages get it on their phones
 * with the case reference and the window, one in a third village does not; a resident's reply is noted on the
 * incident; a request outside the limits never becomes a bulletin.
 */
class AssistanceRequestBulletinTests extends BulletinsIntegrationTest {

    @Autowired
    IncidentConsole incidents;

    @Autowired
    Accounts accounts;

    @Autowired
    SimResidents residents;

    @Test
    void anApprovedRequestReachesTheChosenVillagesOnlyAndRepliesLandInTheIncident() {
        Place place = place();
        List<String> inA = followers(place, place.commune().villageA(), 2);
        List<String> inB = followers(place, place.commune().villageB(), 1);
        String inC = followers(place, place.villageC(), 1).getFirst();
        Instant now = Instant.now();
        long incident = jdbc.sql("""
                        INSERT INTO incidents.incidents (province_code, commune_code, village_id, title,
                            first_signal_at, last_signal_at, created_at)
                        VALUES (?, ?, ?, 'Va chạm ở ngã ba', ?, ?, ?) RETURNING id
                        """)
                .params(
                        place.commune().provinceCode(),
                        place.commune().code(),
                        place.commune().villageA(),
                        Timestamp.from(now),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        var scope = accounts.scopeOf(officerA(place));
        String reference = "SV-" + incident;

        // Outside the limits (six villages): refused by the incident console, no bulletin.
        assertThatThrownBy(() -> incidents.requestAssistance(
                        scope,
                        incident,
                        reference,
                        now.minus(Duration.ofHours(3)),
                        now.minus(Duration.ofHours(1)),
                        List.of(1L, 2L, 3L, 4L, 5L, 6L),
                        "Ai chứng kiến vụ va chạm tối qua ở ngã ba xin báo công an xã.",
                        true))
                .isInstanceOf(IncidentActionException.class);

        long request = incidents.requestAssistance(
                scope,
                incident,
                reference,
                now.minus(Duration.ofHours(3)),
                now.minus(Duration.ofHours(1)),
                List.of(place.commune().villageA(), place.commune().villageB()),
                "Ai chứng kiến vụ va chạm tối qua ở ngã ba xin báo công an xã.",
                true);

        eventually().until(() -> "PENDING".equals(delivery(request)));
        long bulletin = jdbc.sql("SELECT id FROM bulletins.bulletins WHERE assistance_request_id = ?")
                .param(request)
                .query(Long.class)
                .single();
        var view = bulletins.get(chief(place), bulletin);
        assertThat(view.status()).isEqualTo(BulletinStatus.PENDING);
        assertThat(view.title()).contains(reference);
        assertThat(view.villageIds())
                .containsExactlyInAnyOrder(
                        place.commune().villageA(), place.commune().villageB());
        assertThat(messagesOnPhone(place, inA.getFirst(), reference)).isZero();

        assertThat(bulletins.approve(chief(place), bulletin)).isEqualTo(BulletinStatus.PUBLISHED);
        assertThat(delivery(request)).isEqualTo("SENT");
        eventually().until(() -> bulletins.progress(bulletin).finished());
        // What the residents see, waited for: one verify run found a phone still without the message at the moment
        // the progress first read finished (not reproduced since; noted on issue 3).
        for (String user : List.of(inA.get(0), inA.get(1), inB.getFirst())) {
            eventually().until(() -> messagesOnPhone(place, user, reference) == 1);
        }
        assertThat(messagesOnPhone(place, inC, reference)).isZero();

        var page = world.oa(place.oa().oaId()).orElseThrow();
        residents.sendText(page, inB.getFirst(), "Tôi thấy một xe máy biển 47 bỏ chạy về phía chợ.");
        eventually().until(() -> jdbc.sql("""
                                SELECT count(*) FROM incidents.actions WHERE incident_id = ? AND kind = 'NOTE'
                                   AND note LIKE 'Người dân trả lời%'
                                """).param(incident).query(Long.class).single() == 1);
        assertThat(bulletins.replies(chief(place), bulletin)).hasSize(1);
    }

    String delivery(long request) {
        return jdbc.sql("SELECT delivery FROM incidents.assistance_requests WHERE id = ?")
                .param(request)
                .query(String.class)
                .single();
    }
}
