package vn.binhyen.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.binhyen.bulletins.internal.SendRules;
import vn.binhyen.shared.VietnamTime;
import vn.binhyen.zalo.QuietHours;
import vn.binhyen.zalo.ZaloBroadcasts;

/**
 * Zalo's rules against the simulator: nothing promotional at night (an urgent alert still goes), a daily cap per
 * resident, and the 7-day window (a resident outside it is "not reachable", never "failed"), whether we know it
 * before sending or Zalo tells us.
 */
class BulletinSendRulesTests extends BulletinsIntegrationTest {

    @Autowired
    ZaloBroadcasts zalo;

    static final SendRules NIGHT_RULES = new SendRules(QuietHours.parse("22:00-06:00"), 1);

    /** A bulletin whose delivery this test queues by hand (no Zalo channel of its own). */
    long bulletin(Place place, BulletinKind kind, String title) {
        var submitted = bulletins.submit(
                chief(place),
                null,
                new BulletinDraft(
                        kind,
                        title,
                        "Nội dung " + title,
                        new Audience(false, Set.of(place.commune().code()), Set.of(), false, false),
                        null,
                        null));
        zalo.registerText(submitted.id(), title);
        return submitted.id();
    }

    Instant tomorrowAt(int hour, int minute) {
        return LocalDate.now(VietnamTime.ZONE)
                .plusDays(1)
                .atTime(LocalTime.of(hour, minute))
                .atZone(VietnamTime.ZONE)
                .toInstant();
    }

    @Test
    void atNightOnlyAnUrgentAlertGoesOutTheRestWaitsForMorning() throws Exception {
        Place place = place();
        String user = followers(place, place.commune().villageA(), 1).getFirst();
        long scam = bulletin(place, BulletinKind.CRIME_METHOD, "Cảnh báo ban đêm");
        long alert = bulletin(place, BulletinKind.URGENT, "Khẩn ban đêm");
        Instant night = tomorrowAt(23, 0);

        zalo.queueResidents(
                NIGHT_RULES.batch(scam, place.oa().oaId(), BulletinKind.CRIME_METHOD, night), List.of(user));
        zalo.queueResidents(
                NIGHT_RULES.batch(alert, place.oa().oaId(), BulletinKind.URGENT, Instant.now()), List.of(user));

        eventually().until(() -> messagesOnPhone(place, user, "Khẩn ban đêm") == 1);
        Thread.sleep(600);
        assertThat(messagesOnPhone(place, user, "Cảnh báo ban đêm")).isZero();
        Instant waitsUntil = jdbc.sql("SELECT next_attempt_at FROM zalo.deliveries WHERE bulletin_ref = ?")
                .param(scam)
                .query(Timestamp.class)
                .single()
                .toInstant();
        assertThat(waitsUntil).isEqualTo(tomorrowAt(0, 0).plusSeconds(24 * 3600 + 6 * 3600));
        assertThat(QuietHours.parse("22:00-06:00").contains(night)).isTrue();
        assertThat(QuietHours.parse("22:00-06:00").contains(tomorrowAt(12, 0))).isFalse();
    }

    @Test
    void overTheDailyCapABulletinWaitsForTheNextDayButAnUrgentAlertDoesNot() {
        Place place = place();
        String user = followers(place, place.commune().villageA(), 1).getFirst();
        long first = bulletin(place, BulletinKind.LEGAL, "Tuyên truyền một");
        long second = bulletin(place, BulletinKind.LEGAL, "Tuyên truyền hai");
        long alert = bulletin(place, BulletinKind.URGENT, "Khẩn trong ngày");
        Instant noon = Instant.now();
        var rules = new SendRules(QuietHours.NONE, 1);
        zalo.queueResidents(rules.batch(first, place.oa().oaId(), BulletinKind.LEGAL, noon), List.of(user));
        zalo.queueResidents(rules.batch(second, place.oa().oaId(), BulletinKind.LEGAL, noon), List.of(user));
        zalo.queueResidents(rules.batch(alert, place.oa().oaId(), BulletinKind.URGENT, noon), List.of(user));
        eventually()
                .until(() -> messagesOnPhone(place, user, "Tuyên truyền một") == 1
                        && messagesOnPhone(place, user, "Khẩn trong ngày") == 1);
        assertThat(messagesOnPhone(place, user, "Tuyên truyền hai")).isZero();
        assertThat(bulletins.progress(second).figures().queued()).isEqualTo(1);
    }

    @Test
    void residentsOutsideTheWindowAreNotReachableRatherThanFailed() {
        Place place = place();
        List<String> users = followers(place, place.commune().villageA(), 3);
        String stale = users.get(0);
        String forgottenByZalo = users.get(1);
        String fine = users.get(2);
        // We know this one last wrote 8 days ago: not even sent.
        jdbc.sql("UPDATE zalo.followers SET last_interaction_at = now() - interval '8 days' WHERE oa_id = ?"
                        + " AND user_id = ?")
                .params(place.oa().oaId(), stale)
                .update();
        // We think this one is inside the window, Zalo does not: Zalo answers -230.
        world.forgetInteraction(place.oa().oaId(), forgottenByZalo);

        var submitted = bulletins.submit(
                officerA(place),
                null,
                draft(
                        BulletinKind.SECURITY,
                        "Cửa sổ bảy ngày",
                        villages(place.commune().villageA())));
        eventually().until(() -> bulletins.progress(submitted.id()).finished());
        var figures = bulletins.progress(submitted.id()).figures();
        assertThat(figures.sent()).isEqualTo(1);
        assertThat(figures.unreachable()).isEqualTo(2);
        assertThat(figures.failed()).isZero();
        assertThat(figures.reasons()).containsEntry("zalo.bulletin.window", 2L);
        // The send lands on the phone as Zalo accepts it, a moment after the progress figure may read finished.
        eventually().until(() -> messagesOnPhone(place, fine, "Cửa sổ bảy ngày") >= 1);
        assertThat(messagesOnPhone(place, fine, "Cửa sổ bảy ngày")).isEqualTo(1);
        assertThat(messagesOnPhone(place, stale, "Cửa sổ bảy ngày")).isZero();
        assertThat(messagesOnPhone(place, forgottenByZalo, "Cửa sổ bảy ngày")).isZero();
    }
}
