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
import tools.jackson.databind.node.ObjectNode;
import vn.binhyen.zalo.ArticleView.State;
import vn.binhyen.zalo.internal.ArticleQueue.Job;

/**
 * Works the bulletins' articles through Zalo's asynchronous article API: create (or update) answers a token, verify
 * answers the article id once Zalo has processed it; {@code -214} ("being processed") is retried with a growing
 * delay. Each row is claimed with {@code FOR UPDATE SKIP LOCKED} and stays locked during its call, so one node works
 * it; every call is taken from the app's shared per-minute budget. When a verified article is to be broadcast, the
 * broadcast goes into the delivery queue under one key per bulletin and page, so it is queued once however often this
 * runs, and sent by the delivery worker like any message (budget, night ban, retries).
 */
@Component
public class ArticleWorker {

    private static final Logger log = LoggerFactory.getLogger(ArticleWorker.class);
    /** Zalo gives no processing time; some integrators saw half an hour of review. Give up after about two hours. */
    private static final int MAX_VERIFY_ATTEMPTS = 40;

    private static final int MAX_ATTEMPTS = 6;
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

    private final ArticleQueue articles;
    private final DeliveryQueue deliveries;
    private final OfficialAccountStore accounts;
    private final TokenKeeper tokens;
    private final ZaloApiClient api;
    private final ApiBudget budget;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Pollers pollers;
    private final ZaloProperties properties;

    ArticleWorker(
            ArticleQueue articles,
            DeliveryQueue deliveries,
            OfficialAccountStore accounts,
            TokenKeeper tokens,
            ZaloApiClient api,
            ApiBudget budget,
            TransactionTemplate transaction,
            Clock clock,
            Pollers pollers,
            ZaloProperties properties) {
        this.articles = articles;
        this.deliveries = deliveries;
        this.accounts = accounts;
        this.tokens = tokens;
        this.api = api;
        this.budget = budget;
        this.transaction = transaction;
        this.clock = clock;
        this.pollers = pollers;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${binhyen.zalo.delivery-poll-interval:PT0.5S}")
    public void poll() {
        for (int i = 0; i < 20 && pollers.running(); i++) {
            try {
                Integer worked = transaction.execute(status -> workDue());
                if (worked == null || worked == 0) {
                    return;
                }
            } catch (RuntimeException e) {
                log.warn("Article work did not complete and will be claimed again: {}", e.toString());
                return;
            }
        }
    }

    /**
     * Claims and works a few due rows inside the caller's transaction.
     *
     * @return how many were claimed
     */
    public int workDue() {
        Instant now = clock.instant();
        List<Job> due = articles.claim(now, 10);
        for (Job job : due) {
            work(job, now);
        }
        return due.size();
    }

    private void work(Job job, Instant now) {
        var account = accounts.binding(job.oaId()).orElse(null);
        if (account == null) {
            articles.failed(job, null, "zalo.article.not-connected");
            return;
        }
        String token;
        try {
            token = tokens.accessToken(job.oaId());
        } catch (TokenKeeper.NotConnectedException e) {
            articles.failed(job, null, "zalo.article.not-connected");
            return;
        } catch (ZaloUnreachableException e) {
            retryLater(job, null, now, "zalo.article.unreachable");
            return;
        }
        if (!budget.tryAcquire(account.appId(), now)) {
            articles.postpone(job, ApiBudget.nextMinute(now), ZaloApiResult.RATE_LIMITED, false);
            return;
        }
        ZaloApiResult result;
        try {
            result = call(job, token);
        } catch (ZaloUnreachableException e) {
            retryLater(job, null, now, "zalo.article.unreachable");
            return;
        }
        if (result.tokenProblem()) {
            try {
                tokens.refreshAfterRejection(job.oaId(), token);
            } catch (RuntimeException e) {
                log.warn("Token refresh for an article failed: {}", e.getClass().getSimpleName());
            }
            retryLater(job, result.error(), now, "zalo.article.not-connected");
            return;
        }
        if (result.error() == ZaloApiResult.RATE_LIMITED) {
            articles.postpone(job, ApiBudget.nextMinute(now), result.error(), false);
            return;
        }
        switch (job.state()) {
            case CREATE, UPDATE -> submitted(job, result, now);
            case VERIFY -> verified(job, result, now);
            case REMOVE -> removed(job, result, now);
            default -> throw new IllegalStateException("Not a state to work: " + job.state());
        }
    }

    private ZaloApiResult call(Job job, String token) {
        return switch (job.state()) {
            case CREATE -> api.createArticle(token, ZaloJson.MAPPER.readTree(job.content()));
            case UPDATE -> {
                ObjectNode body = (ObjectNode) ZaloJson.MAPPER.readTree(job.content());
                body.put("id", job.articleId());
                yield api.updateArticle(token, body);
            }
            case VERIFY -> api.verifyArticle(token, job.token() == null ? "" : job.token());
            case REMOVE -> api.removeArticle(token, job.articleId() == null ? "" : job.articleId());
            default -> throw new IllegalStateException("Not a state to work: " + job.state());
        };
    }

    private void submitted(Job job, ZaloApiResult result, Instant now) {
        String articleToken = ZaloJson.text(result.data().path("token"));
        if (result.ok() && !articleToken.isEmpty()) {
            articles.submitted(job, articleToken, now.plus(properties.articleVerifyDelay()));
        } else if (result.error() == ZaloApiResult.ARTICLE_QUOTA) {
            articles.failed(job, result.error(), "zalo.article.quota");
        } else {
            log.warn("Zalo refused article {}: error {}", job, result.error());
            articles.failed(job, result.error(), "zalo.article.rejected");
        }
    }

    private void verified(Job job, ZaloApiResult result, Instant now) {
        if (result.error() == ZaloApiResult.ARTICLE_PROCESSING) {
            if (job.attempts() + 1 >= MAX_VERIFY_ATTEMPTS) {
                articles.failed(job, result.error(), "zalo.article.processing");
            } else {
                articles.postpone(job, now.plus(backoff(job.attempts())), result.error(), true);
            }
            return;
        }
        String articleId = result.articleId();
        if (!result.ok() || articleId.isEmpty()) {
            log.warn("Zalo did not verify article {}: error {}", job, result.error());
            articles.failed(job, result.ok() ? null : result.error(), "zalo.article.rejected");
            return;
        }
        State next = job.removalRequested() ? State.REMOVE : job.pendingUpdate() ? State.UPDATE : State.LIVE;
        articles.verified(job, articleId, next, now);
        if (job.broadcastTarget() != null && !job.removalRequested()) {
            Instant notBefore = job.broadcastNotBefore() == null ? now : job.broadcastNotBefore();
            deliveries.enqueueBroadcast(
                    ArticleQueue.broadcastKey(job.bulletinRef(), job.oaId()),
                    job.oaId(),
                    articleId,
                    job.broadcastTarget(),
                    job.bulletinRef(),
                    job.promotional(),
                    notBefore.isAfter(now) ? notBefore : now);
        }
    }

    private void removed(Job job, ZaloApiResult result, Instant now) {
        // -201 on remove: Zalo no longer has the article, which is what we want.
        if (result.ok() || result.error() == -201) {
            articles.moved(job, State.REMOVED);
        } else {
            retryLater(job, result.error(), now, "zalo.article.rejected");
        }
    }

    private void retryLater(Job job, @Nullable Integer error, Instant now, String failureKey) {
        if (job.attempts() + 1 >= MAX_ATTEMPTS) {
            articles.failed(job, error, failureKey);
        } else {
            articles.postpone(job, now.plus(backoff(job.attempts())), error, true);
        }
    }

    /** 1 s, 2 s, 4 s … up to five minutes. */
    static Duration backoff(int attempts) {
        Duration wait = Duration.ofSeconds(1L << Math.min(attempts, 9));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
