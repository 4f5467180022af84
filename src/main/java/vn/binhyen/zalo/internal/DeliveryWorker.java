package vn.binhyen.zalo.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhyen.conversations.Conversations;
import vn.binhyen.conversations.ReplyState;
import vn.binhyen.zalo.internal.DeliveryQueue.Delivery;
import vn.binhyen.zalo.internal.DeliveryQueue.Target;

/**
 * Sends queued messages. A delivery is claimed with {@code FOR UPDATE SKIP LOCKED} and stays locked during the call,
 * so no other node sends it too. What Zalo answers decides what happens next:
 *
 * <ul>
 *   <li>token invalid or expired: refresh once and retry at once;
 *   <li>outside the 7-day window: failed for good, the officer is told the resident must write first;
 *   <li>rate limited: wait for the next minute without counting an attempt;
 *   <li>Zalo unreachable: back off and retry, then give up after several attempts.
 * </ul>
 */
@Component
public class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final List<Duration> BACKOFF =
            List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10));
    private static final int MAX_ATTEMPTS = BACKOFF.size() + 1;
    private static final int BATCH = 100;

    private final DeliveryQueue queue;
    private final OfficialAccountStore accounts;
    private final TokenKeeper tokens;
    private final ZaloApiClient api;
    private final ApiBudget budget;
    private final Conversations conversations;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Pollers pollers;

    DeliveryWorker(
            DeliveryQueue queue,
            OfficialAccountStore accounts,
            TokenKeeper tokens,
            ZaloApiClient api,
            ApiBudget budget,
            Conversations conversations,
            TransactionTemplate transaction,
            Clock clock,
            Pollers pollers) {
        this.queue = queue;
        this.accounts = accounts;
        this.tokens = tokens;
        this.api = api;
        this.budget = budget;
        this.conversations = conversations;
        this.transaction = transaction;
        this.clock = clock;
        this.pollers = pollers;
    }

    @Scheduled(fixedDelayString = "${binhyen.zalo.delivery-poll-interval:PT0.5S}")
    public void deliverPending() {
        if (!pollers.running()) {
            return;
        }
        for (int i = 0; i < BATCH && pollers.running(); i++) {
            if (!Boolean.TRUE.equals(transaction.execute(status -> deliverOne()))) {
                return;
            }
        }
    }

    private boolean deliverOne() {
        Instant now = clock.instant();
        Delivery delivery = queue.claimNext(now).orElse(null);
        if (delivery == null) {
            return false;
        }
        var account = accounts.find(delivery.oaId()).orElse(null);
        if (account == null) {
            fail(delivery, null, "zalo.reply.failed.not-connected");
            return true;
        }
        if (!budget.tryAcquire(account.appId(), now)) {
            queue.postpone(delivery.id(), ApiBudget.nextMinute(now), ZaloApiResult.RATE_LIMITED, false);
            return true;
        }
        try {
            String token = tokens.accessToken(delivery.oaId());
            ZaloApiResult result = send(token, delivery);
            if (result.tokenProblem()) {
                token = tokens.refreshAfterRejection(delivery.oaId(), token);
                if (!budget.tryAcquire(account.appId(), now)) {
                    queue.postpone(delivery.id(), ApiBudget.nextMinute(now), ZaloApiResult.RATE_LIMITED, false);
                    return true;
                }
                result = send(token, delivery);
            }
            settle(delivery, result, now);
        } catch (TokenKeeper.NotConnectedException e) {
            fail(delivery, null, "zalo.reply.failed.not-connected");
        } catch (ZaloUnreachableException e) {
            retryLater(delivery, null, now, "zalo.reply.failed.unreachable");
        }
        return true;
    }

    private ZaloApiResult send(String token, Delivery delivery) {
        return delivery.target() == Target.GROUP
                ? api.sendGroupText(token, delivery.recipientId(), delivery.text())
                : api.sendText(token, delivery.recipientId(), delivery.text());
    }

    private void settle(Delivery delivery, ZaloApiResult result, Instant now) {
        if (result.ok()) {
            String messageId = ZaloJson.text(result.data().path("message_id"));
            queue.markSent(delivery.id(), messageId, now);
            replyState(delivery, ReplyState.SENT, null);
        } else if (result.outsideWindow()) {
            fail(delivery, result.error(), "zalo.reply.failed.window");
        } else if (result.error() == ZaloApiResult.NOT_FOLLOWER) {
            fail(delivery, result.error(), "zalo.reply.failed.not-follower");
        } else if (result.error() == ZaloApiResult.RATE_LIMITED) {
            queue.postpone(delivery.id(), ApiBudget.nextMinute(now), result.error(), false);
        } else if (result.tokenProblem()) {
            retryLater(delivery, result.error(), now, "zalo.reply.failed.not-connected");
        } else {
            log.warn("Zalo refused delivery {}: error {}", delivery.id(), result.error());
            fail(delivery, result.error(), "zalo.reply.failed.rejected");
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
    }

    private void replyState(Delivery delivery, ReplyState state, @Nullable String failureKey) {
        if (delivery.replyRef() != null) {
            conversations.updateReplyState(delivery.replyRef(), state, failureKey);
        }
    }
}
