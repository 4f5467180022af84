package vn.binhyen.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhyen.bulletins.internal.BulletinsProperties;
import vn.binhyen.bulletins.internal.FanOut;
import vn.binhyen.bulletins.internal.SendRules;
import vn.binhyen.zalo.internal.DeliveryWorker;

/**
 * Fan-out and delivery under concurrency: two extra fan-out workers and two extra delivery workers race the
 * scheduled ones; every follower in the audience gets the bulletin exactly once, nobody outside it gets it, and a
 * fan-out that lost its cursor (a crash before the cursor's commit) writes no second message when it runs again.
 */
class BulletinFanOutTests extends BulletinsIntegrationTest {

    @Autowired
    FanOut fanOut;

    @Autowired
    DeliveryWorker worker;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    BulletinsProperties properties;

    @Test
    void concurrentWorkersDeliverExactlyOncePerRecipient() throws Exception {
        Place place = place();
        List<String> inA = followers(place, place.commune().villageA(), 120);
        List<String> inB = followers(place, place.commune().villageB(), 80);
        List<String> inC = followers(place, place.villageC(), 30);

        var submitted = bulletins.submit(
                chief(place),
                null,
                draft(
                        BulletinKind.CRIME_METHOD,
                        "Thủ đoạn lừa đảo mới",
                        villages(place.commune().villageA(), place.commune().villageB())));
        SendRules rules = SendRules.of(properties);
        List<Callable<Object>> racers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            racers.add(() -> {
                fanOut.drain(Instant.now(), rules);
                return null;
            });
            racers.add(() -> {
                for (int round = 0; round < 50; round++) {
                    transaction.execute(status -> worker.deliverBatch());
                }
                return null;
            });
        }
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (Future<Object> result : pool.invokeAll(racers)) {
                result.get();
            }
        }
        eventually().until(() -> bulletins.progress(submitted.id()).finished());
        // The sends land on the phones as Zalo accepts them; the last may follow the progress figure by a moment.
        eventually()
                .until(() -> java.util.stream.Stream.concat(inA.stream(), inB.stream())
                        .allMatch(user -> messagesOnPhone(place, user, "Thủ đoạn lừa đảo mới") >= 1));

        for (String user : inA) {
            assertThat(messagesOnPhone(place, user, "Thủ đoạn lừa đảo mới")).isEqualTo(1);
        }
        for (String user : inB) {
            assertThat(messagesOnPhone(place, user, "Thủ đoạn lừa đảo mới")).isEqualTo(1);
        }
        for (String user : inC) {
            assertThat(messagesOnPhone(place, user, "Thủ đoạn lừa đảo mới")).isZero();
        }
        var figures = bulletins.progress(submitted.id()).figures();
        assertThat(figures.residents()).isEqualTo(200);
        assertThat(figures.sent()).isEqualTo(200);
        assertThat(figures.queued()).isZero();
        assertThat(bulletins.progress(submitted.id()).percent()).isEqualTo(100);
        eventually().until(() -> bulletins.progress(submitted.id()).figures().delivered() == 200);

        // A crash after a page's rows committed but before its cursor did: the page is read and written again.
        jdbc.sql("UPDATE bulletins.fanouts SET after_user = '', done = FALSE WHERE bulletin_id = ?")
                .param(submitted.id())
                .update();
        fanOut.drain(Instant.now(), rules);
        Thread.sleep(500);
        assertThat(bulletins.progress(submitted.id()).figures().residents()).isEqualTo(200);
        for (String user : inA) {
            assertThat(messagesOnPhone(place, user, "Thủ đoạn lừa đảo mới")).isEqualTo(1);
        }
    }

    @Test
    void seenReceiptsAreCountedFromZalo() {
        Place place = place();
        List<String> residents = followers(place, place.commune().villageA(), 3);
        var submitted = bulletins.submit(
                officerA(place),
                null,
                draft(
                        BulletinKind.SECURITY,
                        "Tình hình tuần này",
                        villages(place.commune().villageA())));
        eventually().until(() -> bulletins.progress(submitted.id()).figures().delivered() == 3);
        assertThat(bulletins.progress(submitted.id()).figures().seen()).isZero();
        // Two residents open the conversation on their phones.
        var residentsApi = world.oa(place.oa().oaId()).orElseThrow();
        simResidents.read(residentsApi, residents.get(0));
        simResidents.read(residentsApi, residents.get(1));
        eventually().until(() -> bulletins.progress(submitted.id()).figures().seen() == 2);
    }

    @Test
    void withdrawingABulletinCancelsWhatIsNotSentYet() {
        Place place = place();
        followers(place, place.commune().villageA(), 5);
        var draft = draft(
                BulletinKind.SECURITY,
                "Sẽ gỡ",
                Audience.communes(Set.of(place.commune().code())));
        var submitted = bulletins.submit(chief(place), null, draft);
        bulletins.withdraw(chief(place), submitted.id());
        assertThat(bulletins.published(submitted.id())).isEmpty();
        eventually().until(() -> bulletins.progress(submitted.id()).finished());
        var figures = bulletins.progress(submitted.id()).figures();
        assertThat(figures.sent() + figures.cancelled()).isEqualTo(figures.residents());
    }

    @Autowired
    vn.binhyen.zalosim.internal.SimResidents simResidents;
}
