package vn.binhyen.zalo.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhyen.conversations.Conversations;
import vn.binhyen.conversations.ReplyState;
import vn.binhyen.incidents.AlertZaloStateChanged;
import vn.binhyen.reports.ReporterNotices;
import vn.binhyen.reports.ReporterNotices.ZaloOutcome;
import vn.binhyen.zalo.QuietHours;
import vn.binhyen.zalo.internal.DeliveryQueue.Delivery;
import vn.binhyen.zalo.internal.DeliveryQueue.Sent;
import vn.binhyen.zalo.internal.DeliveryQueue.Target;

/**
 * Sends queued messages (officers' replies first, then bulletins). A batch is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and stays locked while it is sent, so no other node or worker sends it too; the
 * batch's requests are taken from the app's per-minute budget in one step and go out in parallel, and every outcome
 * is written before the batch's transaction commits. What Zalo answers decides what happens next:
 *
 * <ul>
 *   <li>token invalid or expired: refresh once and retry at once;
 *   <li>outside the 7-day window or not a follower: a reply fails for good (the officer is told the resident must
 *       write first); a bulletin counts the resident as not reachable by message;
 *   <li>rate limited: wait for the next minute without counting an attempt;
 *   <li>Zalo unreachable: back off and retry, then give up after several attempts.
 * </ul>
 *
 * Promotional sends (bulletins that are not urgent alerts) wait out Zalo's night ban.
 */
@Component
public class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final List<Duration> BACKOFF =
            List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10));
    private static final int MAX_ATTEMPTS = BACKOFF.size() + 1;
    private static final Duration NIGHT_RETRY = Duration.ofMinutes(15);
    /** Batches one worker sends per poll before letting the scheduler breathe. */
    private static final int MAX_BATCHES = 200;

    private final DeliveryQueue queue;
    private final OfficialAccountStore accounts;
    private final TokenKeeper tokens;
    private final ZaloApiClient api;
    private final ApiBudget budget;
    private final Conversations conversations;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Pollers pollers;
    private final ZaloProperties properties;
    private final QuietHours quietHours;
    private final ApplicationEventPublisher events;
    private final InFlightDeliveries inFlight;
    private final ReporterNotices notices;

    DeliveryWorker(
            DeliveryQueue queue,
            OfficialAccountStore accounts,
            TokenKeeper tokens,
            ZaloApiClient api,
            ApiBudget budget,
            Conversations conversations,
            TransactionTemplate transaction,
            Clock clock,
            Pollers pollers,
            ZaloProperties properties,
            ApplicationEventPublisher events,
            InFlightDeliveries inFlight,
            ReporterNotices notices) {
        this.queue = queue;
        this.accounts = accounts;
        this.tokens = tokens;
        this.api = api;
        this.budget = budget;
        this.conversations = conversations;
        this.transaction = transaction;
        this.clock = clock;
        this.pollers = pollers;
        this.properties = properties;
        this.quietHours = QuietHours.parse(properties.promotionalQuietHours());
        this.events = events;
        this.inFlight = inFlight;
        this.notices = notices;
    }

    @Scheduled(fixedDelayString = "${binhyen.zalo.delivery-poll-interval:PT0.5S}")
    public void deliverPending() {
        if (!pollers.running()) {
            return;
        }
        int workers = Math.max(1, properties.deliveryWorkers());
        if (workers == 1) {
            drain();
            return;
        }
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < workers; i++) {
                pool.submit(this::drain);
            }
        }
    }

    private void drain() {
        for (int i = 0; i < MAX_BATCHES && pollers.running(); i++) {
            try {
                Integer handled = transaction.execute(status -> deliverBatch());
                if (handled == null || handled == 0) {
                    return;
                }
            } catch (RuntimeException e) {
                log.warn("A delivery batch did not complete and will be claimed again: {}", e.toString());
                return;
            }
        }
    }

    /**
     * Claims, sends and settles one batch inside the caller's transaction.
     *
     * @return how many deliveries were claimed
     */
    public int deliverBatch() {
        Instant now = clock.instant();
        List<Delivery> batch = queue.claimBatch(now, Math.max(1, properties.deliveryBatch()));
        if (batch.isEmpty()) {
            return 0;
        }
        Map<String, List<Delivery>> byOa = new LinkedHashMap<>();
        for (Delivery delivery : batch) {
            if (delivery.promotional() && quietHours.contains(now)) {
                queue.postpone(delivery.id(), quietHours.nextAllowed(now), null, false);
                continue;
            }
            byOa.computeIfAbsent(delivery.oaId(), oa -> new ArrayList<>()).add(delivery);
        }
        List<Attempt> attempts = new ArrayList<>();
        Map<String, String> appOf = new HashMap<>();
        for (var entry : byOa.entrySet()) {
            String oaId = entry.getKey();
            List<Delivery> deliveries = entry.getValue();
            var account = accounts.binding(oaId).orElse(null);
            if (account == null) {
                deliveries.forEach(d -> fail(d, null, "zalo.reply.failed.not-connected"));
                continue;
            }
            String token;
            try {
                token = tokens.accessToken(oaId);
            } catch (TokenKeeper.NotConnectedException e) {
                deliveries.forEach(d -> fail(d, null, "zalo.reply.failed.not-connected"));
                continue;
            } catch (ZaloUnreachableException e) {
                deliveries.forEach(d -> retryLater(d, null, now, "zalo.reply.failed.unreachable"));
                continue;
            }
            appOf.put(oaId, account.appId());
            int granted = budget.tryAcquire(account.appId(), now, deliveries.size());
            for (int i = 0; i < deliveries.size(); i++) {
                Delivery delivery = deliveries.get(i);
                if (i < granted) {
                    attempts.add(new Attempt(delivery, token));
                } else {
                    queue.postpone(delivery.id(), ApiBudget.nextMinute(now), ZaloApiResult.RATE_LIMITED, false);
                }
            }
        }
        List<Delivery> settled = new ArrayList<>();
        attempts = unlessDelivered(attempts, settled, now);
        attempts.forEach(a -> settled.add(a.delivery()));
        inFlight.markSending(settled);
        List<@Nullable ZaloApiResult> results = sendAll(attempts);
        Map<String, String> refreshed = new HashMap<>();
        List<Sent> sent = new ArrayList<>(attempts.size());
        for (int i = 0; i < attempts.size(); i++) {
            Attempt attempt = attempts.get(i);
            Delivery delivery = attempt.delivery();
            ZaloApiResult result = results.get(i);
            try {
                if (result != null && result.tokenProblem()) {
                    String token = refreshed.get(delivery.oaId());
                    if (token == null) {
                        token = tokens.refreshAfterRejection(delivery.oaId(), attempt.token());
                        refreshed.put(delivery.oaId(), token);
                    }
                    if (budget.tryAcquire(appOf.get(delivery.oaId()), now, 1) == 0) {
                        queue.postpone(delivery.id(), ApiBudget.nextMinute(now), ZaloApiResult.RATE_LIMITED, false);
                        continue;
                    }
                    result = send(token, delivery);
                }
                if (result == null) {
                    retryLater(delivery, null, now, "zalo.reply.failed.unreachable");
                } else {
                    settle(delivery, result, now, sent);
                }
            } catch (TokenKeeper.NotConnectedException e) {
                fail(delivery, null, "zalo.reply.failed.not-connected");
            } catch (ZaloUnreachableException e) {
                retryLater(delivery, null, now, "zalo.reply.failed.unreachable");
            }
        }
        queue.markSent(sent, now);
        inFlight.settled(settled);
        return batch.size();
    }

    /** Attempts to send, without those a crashed attempt already got to the resident (recorded as sent now). */
    private List<Attempt> unlessDelivered(List<Attempt> attempts, List<Delivery> resolved, Instant now) {
        var doubtful = inFlight.inDoubt(attempts.stream().map(Attempt::delivery).toList());
        if (doubtful.isEmpty()) {
            return attempts;
        }
        List<Attempt> send = new ArrayList<>();
        for (Attempt attempt : attempts) {
            Delivery delivery = attempt.delivery();
            if (!doubtful.contains(delivery.id())) {
                send.add(attempt);
                continue;
            }
            if (delivery.target() == Target.BROADCAST) {
                // Zalo offers no way to ask whether a broadcast went out, and a second one would reach every
                // follower again: at most once, and the author sees why.
                queue.markFailed(delivery.id(), null, "zalo.broadcast.in-doubt");
                resolved.add(delivery);
                continue;
            }
            try {
                var found = inFlight.alreadyDelivered(attempt.token(), delivery.oaId(), delivery);
                if (found.isPresent()) {
                    queue.markSent(List.of(new Sent(delivery.id(), found.get())), now);
                    noticeOutcome(delivery, ZaloOutcome.SENT);
                    resolved.add(delivery);
                } else {
                    send.add(attempt);
                }
            } catch (ZaloUnreachableException e) {
                retryLater(delivery, null, now, "zalo.reply.failed.unreachable");
            }
        }
        return send;
    }

    /** The batch's HTTP calls, in parallel on virtual threads; null where Zalo could not be reached. */
    private List<@Nullable ZaloApiResult> sendAll(List<Attempt> attempts) {
        List<@Nullable ZaloApiResult> results = new ArrayList<>(attempts.size());
        if (attempts.size() == 1) {
            results.add(sendOrNull(attempts.getFirst()));
            return results;
        }
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<@Nullable ZaloApiResult>> futures = new ArrayList<>(attempts.size());
            for (Attempt attempt : attempts) {
                futures.add(pool.submit(() -> sendOrNull(attempt)));
            }
            for (var future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    results.add(null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    results.add(null);
                }
            }
        }
        return results;
    }

    private @Nullable ZaloApiResult sendOrNull(Attempt attempt) {
        try {
            return send(attempt.token(), attempt.delivery());
        } catch (ZaloUnreachableException e) {
            return null;
        }
    }

    private ZaloApiResult send(String token, Delivery delivery) {
        return switch (delivery.target()) {
            case GROUP -> api.sendGroupText(token, delivery.recipientId(), delivery.text());
            case BROADCAST ->
                api.broadcastArticle(token, delivery.recipientId(), ZaloJson.MAPPER.readTree(delivery.text()));
            case USER -> api.sendText(token, delivery.recipientId(), delivery.text());
        };
    }

    /** Records what Zalo answered; accepted sends are added to {@code sent}, recorded together by the caller. */
    private void settle(Delivery delivery, ZaloApiResult result, Instant now, List<Sent> sent) {
        boolean bulletin = delivery.bulletinRef() != null;
        if (delivery.target() == Target.BROADCAST && !result.ok()) {
            settleRefusedBroadcast(delivery, result, now);
        } else if (result.ok()) {
            String messageId = ZaloJson.text(result.data().path("message_id"));
            sent.add(new Sent(delivery.id(), messageId));
            replyState(delivery, ReplyState.SENT, null);
            alertState(delivery, "SENT");
            noticeOutcome(delivery, ZaloOutcome.SENT);
        } else if (result.outsideWindow()) {
            if (bulletin) {
                queue.markUnreachable(delivery.id(), result.error(), "zalo.bulletin.window");
            } else {
                fail(delivery, result.error(), "zalo.reply.failed.window");
            }
        } else if (result.error() == ZaloApiResult.NOT_FOLLOWER) {
            if (bulletin) {
                queue.markUnreachable(delivery.id(), result.error(), "zalo.bulletin.not-follower");
            } else {
                fail(delivery, result.error(), "zalo.reply.failed.not-follower");
            }
        } else if (result.error() == ZaloApiResult.RATE_LIMITED) {
            queue.postpone(delivery.id(), ApiBudget.nextMinute(now), result.error(), false);
        } else if (result.error() == ZaloApiResult.NIGHT_BAN) {
            queue.postpone(delivery.id(), QuietHours.parse("22:00-06:00").nextAllowed(now), result.error(), false);
        } else if (result.tokenProblem()) {
            retryLater(delivery, result.error(), now, "zalo.reply.failed.not-connected");
        } else {
            log.warn("Zalo refused delivery {}: error {}", delivery.id(), result.error());
            fail(delivery, result.error(), "zalo.reply.failed.rejected");
        }
    }

    /** A refused broadcast: out of the month's quota or refused outright fails; limits and night only wait. */
    private void settleRefusedBroadcast(Delivery delivery, ZaloApiResult result, Instant now) {
        if (result.error() == ZaloApiResult.RATE_LIMITED) {
            queue.postpone(delivery.id(), ApiBudget.nextMinute(now), result.error(), false);
        } else if (result.error() == ZaloApiResult.NIGHT_BAN) {
            // Zalo's night may not be our clock's: if ours says day, ask again later rather than at once.
            Instant morning = QuietHours.parse("22:00-06:00").nextAllowed(now);
            queue.postpone(
                    delivery.id(), morning.isAfter(now) ? morning : now.plus(NIGHT_RETRY), result.error(), false);
        } else if (result.tokenProblem()) {
            retryLater(delivery, result.error(), now, "zalo.reply.failed.not-connected");
        } else if (result.error() == ZaloApiResult.OUT_OF_QUOTA) {
            fail(delivery, result.error(), "zalo.broadcast.quota");
        } else {
            log.warn("Zalo refused broadcast {}: error {}", delivery.id(), result.error());
            fail(delivery, result.error(), "zalo.broadcast.rejected");
        }
    }

    private void retryLater(Delivery delivery, @Nullable Integer error, Instant now, String failureKey) {
        int attempt = delivery.attempts() + 1;
        if (attempt >= MAX_ATTEMPTS) {
            fail(delivery, error, failureKey);
        } else {
            queue.postpone(delivery.id(), now.plus(BACKOFF.get(attempt - 1)), error, true);
        }
    }

    private void fail(Delivery delivery, @Nullable Integer error, String failureKey) {
        queue.markFailed(delivery.id(), error, failureKey);
        replyState(delivery, ReplyState.FAILED, failureKey);
        alertState(delivery, "FAILED");
        noticeOutcome(delivery, ZaloOutcome.FAILED);
    }

    /** A reporter's receipt or result notice: what became of it goes on the docket, for the officer to see. */
    private void noticeOutcome(Delivery delivery, ZaloOutcome outcome) {
        String noticeKey = delivery.noticeKey();
        if (noticeKey != null) {
            notices.zaloOutcome(noticeKey, outcome);
        }
    }

    private void alertState(Delivery delivery, String state) {
        if (delivery.alertIncident() != null && delivery.alertOfficer() != null) {
            events.publishEvent(new AlertZaloStateChanged(delivery.alertIncident(), delivery.alertOfficer(), state));
        }
    }

    private void replyState(Delivery delivery, ReplyState state, @Nullable String failureKey) {
        if (delivery.replyRef() != null) {
            conversations.updateReplyState(delivery.replyRef(), state, failureKey);
        }
    }

    private record Attempt(Delivery delivery, String token) {
        @Override
        public String toString() {
            return "Attempt[" + delivery + "]";
        }
    }
}
