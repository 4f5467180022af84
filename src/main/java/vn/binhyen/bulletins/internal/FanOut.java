package vn.binhyen.bulletins.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhyen.zalo.ZaloAudience;
import vn.binhyen.zalo.ZaloBroadcasts;

/**
 * Turns published bulletins into delivery rows. Each step claims one unfinished (bulletin, page) fan-out with
 * {@code FOR UPDATE SKIP LOCKED}, reads the next page of recipients in user-id order from PostgreSQL, queues them
 * (idempotently, one row per bulletin and recipient) and moves the cursor, all in one transaction: a crash loses at
 * most an uncommitted page, which the next step writes again. Several nodes work on different fan-outs at once;
 * memory holds one page, never the audience.
 */
@Component
public class FanOut {

    private static final Logger log = LoggerFactory.getLogger(FanOut.class);
    /** Work done per poll before yielding the scheduler thread. */
    private static final Duration STEP_BUDGET = Duration.ofSeconds(2);

    private final BulletinStore store;
    private final ZaloBroadcasts zalo;
    private final ZaloAudience audience;
    private final Publisher publisher;
    private final TransactionTemplate transaction;
    private final BulletinsProperties properties;
    private final Clock clock;
    private final AssistanceBulletins assistance;
    private volatile boolean running = true;

    FanOut(
            BulletinStore store,
            ZaloBroadcasts zalo,
            ZaloAudience audience,
            Publisher publisher,
            TransactionTemplate transaction,
            BulletinsProperties properties,
            Clock clock,
            AssistanceBulletins assistance) {
        this.store = store;
        this.zalo = zalo;
        this.audience = audience;
        this.publisher = publisher;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
        this.assistance = assistance;
    }

    @Scheduled(
            fixedDelayString = "${binhyen.bulletins.poll-interval:PT1S}",
            initialDelayString = "${binhyen.bulletins.poll-interval:PT1S}")
    void poll() {
        if (!running) {
            return;
        }
        try {
            assistance.takeOver();
            publishDue(clock.instant());
            Instant until = clock.instant().plus(STEP_BUDGET);
            SendRules rules = SendRules.of(properties);
            while (running && clock.instant().isBefore(until) && step(clock.instant(), rules)) {
                // one page per transaction
            }
        } catch (RuntimeException e) {
            log.warn("Bulletin fan-out interrupted, resumes at the next poll: {}", e.toString());
        }
    }

    /** Publishes scheduled bulletins whose time has come. */
    public int publishDue(Instant now) {
        Integer published = transaction.execute(status -> {
            List<Long> due = store.lockDue(now, 20);
            due.forEach(id -> publisher.publish(id, now));
            return due.size();
        });
        return published == null ? 0 : published;
    }

    /**
     * One page of one fan-out, in its own transaction.
     *
     * @return whether there was work
     */
    public boolean step(Instant now, SendRules rules) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            var fanout = store.claimFanout().orElse(null);
            if (fanout == null) {
                return false;
            }
            var bulletin = store.find(fanout.bulletinId()).orElseThrow();
            var batch = rules.batch(bulletin.id(), fanout.oaId(), bulletin.kind(), now);
            boolean whole = bulletin.provinceWide()
                    || store.wholeCommunes(bulletin.id()).contains(fanout.communeCode());
            @org.jspecify.annotations.Nullable
            List<Long> villages = whole ? null : store.villagesIn(bulletin.id(), fanout.communeCode());
            long written = 0;
            if (!fanout.groupsDone() && bulletin.toGroups()) {
                written += zalo.queueGroups(batch, audience.groupsOfVillages(fanout.oaId(), villages));
            }
            if (!bulletin.toFollowers()) {
                store.advanceFanout(bulletin.id(), fanout.oaId(), fanout.afterUser(), true, written, true);
                return true;
            }
            int pageSize = Math.max(1, properties.pageSize());
            List<String> page = whole
                    ? zalo.followers(fanout.oaId(), fanout.afterUser(), pageSize)
                    : audience.followersInVillages(fanout.oaId(), villages, fanout.afterUser(), pageSize);
            written += zalo.queueResidents(batch, page);
            String after = page.isEmpty() ? fanout.afterUser() : page.getLast();
            store.advanceFanout(bulletin.id(), fanout.oaId(), after, true, written, page.size() < pageSize);
            return true;
        }));
    }

    /** Runs every pending step now (tests and the benchmark). */
    public void drain(Instant now, SendRules rules) {
        while (step(now, rules)) {
            // until no fan-out is open
        }
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        running = false;
    }
}
