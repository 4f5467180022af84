package vn.binhyen.zalo.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How BinhYen talks to Zalo. A base URL starting with "/" means this application itself (the simulator in the demo),
 * resolved against the port the server actually listens on; switching to real Zalo is configuration only.
 *
 * @param apiBaseUrl Zalo's OA API ({@code https://openapi.zalo.me})
 * @param oauthBaseUrl Zalo's OAuth server ({@code https://oauth.zaloapp.com})
 * @param publicBaseUrl where Zalo and browsers reach BinhYen (for the OAuth callback); "/" means this server
 * @param maxEventAge webhook events older than this are refused as replays (Zalo's own retries end after ~2 hours)
 * @param maxWebhookBytes larger webhook bodies are refused before any work
 * @param refreshMargin access tokens are refreshed when they have less than this left (they live 25 hours)
 * @param requestsPerMinute the per-app budget for OA API calls, shared by all nodes (Zalo allows 4,000)
 * @param httpTimeout connect and read timeout for every call to Zalo
 * @param webhookWriters how many writers store accepted webhook events, each a batch per commit (0: each request
 *     inserts its own row)
 * @param webhookWriteTimeout how long a webhook request waits for its event's commit before answering 503 (Zalo
 *     waits 2 seconds, then delivers again)
 * @param eventPollInterval how often an idle event lane looks for stored webhook events
 * @param eventLanes how many lanes handle stored events at the same time on one node (one resident's events always
 *     go through the same lane, in order)
 * @param eventBatch how many events a lane claims and handles in one transaction
 * @param deliveryPollInterval how often the delivery queue is looked at
 * @param mediaHosts hosts (and their subdomains) residents' photos are fetched from for "make it a tip"; Zalo's CDN
 * @param followerSyncInterval how often each OA's follower list and tags are read again from Zalo
 * @param followerDetailMaxAge how old a follower's details (tags) may get before a sync reads them again
 * @param followerSyncCheckInterval how often the follower-sync timer looks for OAs whose sync is due
 * @param followerSyncInitialDelay when the follower-sync timer first runs after it is registered
 * @param refreshCheckInterval how often the token timer looks for access tokens about to expire
 * @param refreshCheckInitialDelay when the token timer first runs after it is registered
 * @param deliveryWorkers how many batches one node sends at the same time
 * @param deliveryBatch how many deliveries one batch claims (and sends in parallel)
 * @param promotionalQuietHours when promotional sends (bulletins that are not urgent alerts) wait, Vietnam time,
 *     "22:00-06:00" as Zalo bans them at night; empty for never
 * @param busyIntakePerSecond from this many webhook events a second on a node, its event processing makes room for
 *     the intake (Zalo times the acknowledgement; the events wait safely stored)
 * @param processingShareWhenBusy the share of its time an event lane works while the intake is busy (0–1); the lanes
 *     then also take turns, one at a time
 * @param articleVerifyDelay how long after creating or changing an article its id is first asked for (Zalo builds
 *     articles asynchronously and answers {@code -214} until done; later asks back off)
 * @param budgetEdgeGuard no request of the per-minute budget is granted in this last part of a minute, so what was
 *     granted reaches Zalo within the minute Zalo counts it in
 */
@ConfigurationProperties("binhyen.zalo")
public record ZaloProperties(
        @DefaultValue("https://openapi.zalo.me") String apiBaseUrl,
        @DefaultValue("https://oauth.zaloapp.com") String oauthBaseUrl,
        @DefaultValue("/") String publicBaseUrl,
        @DefaultValue("PT48H") Duration maxEventAge,
        @DefaultValue("65536") int maxWebhookBytes,
        @DefaultValue("PT3H") Duration refreshMargin,
        @DefaultValue("3600") int requestsPerMinute,
        @DefaultValue("PT10S") Duration httpTimeout,
        @DefaultValue("2") int webhookWriters,
        @DefaultValue("PT1.5S") Duration webhookWriteTimeout,
        @DefaultValue("PT0.3S") Duration eventPollInterval,
        @DefaultValue("4") int eventLanes,
        @DefaultValue("50") int eventBatch,
        @DefaultValue("PT0.5S") Duration deliveryPollInterval,

        @DefaultValue({"zdn.vn", "zadn.vn", "zalo.me", "zaloapp.com"})
        List<String> mediaHosts,

        @DefaultValue("PT6H") Duration followerSyncInterval,
        @DefaultValue("P7D") Duration followerDetailMaxAge,
        @DefaultValue("PT1M") Duration followerSyncCheckInterval,
        @DefaultValue("PT2M") Duration followerSyncInitialDelay,
        @DefaultValue("PT5M") Duration refreshCheckInterval,
        @DefaultValue("PT20S") Duration refreshCheckInitialDelay,
        @DefaultValue("2") int deliveryWorkers,
        @DefaultValue("32") int deliveryBatch,
        @DefaultValue("22:00-06:00") String promotionalQuietHours,
        @DefaultValue("500") int busyIntakePerSecond,
        @DefaultValue("0.1") double processingShareWhenBusy,
        @DefaultValue("PT2S") Duration articleVerifyDelay,
        @DefaultValue("PT2S") Duration budgetEdgeGuard) {}
