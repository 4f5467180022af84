package vn.binhyen.zalosim.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated Zalo's behaviour. Defaults follow the reference notes; the demo shortens the webhook retry ladder.
 *
 * @param appId the simulated Zalo app
 * @param appSecret the app secret the token endpoint expects in the {@code secret_key} header
 * @param secretSeed OA secret keys are derived from it, so a restarted simulator still signs with the same keys
 * @param accessTokenLifetime Zalo: 25 hours
 * @param codeLifetime Zalo: 10 minutes
 * @param requestsPerMinute per-app OA API limit before {@code -32}
 * @param interactionWindow CS messages need an interaction within this (Zalo: 7 days) or get {@code -230}
 * @param invalidRefreshTokenError the code for a reused or unknown refresh token (sources disagree: -14014/-14020)
 * @param webhookBaseUrl where BinhYen's webhook lives; "/" means this server
 * @param webhookRetryDelays Zalo retries at +30 s, 5 min, 15 min, 30 min, 1 h
 * @param webhookTimeout Zalo waits 2 seconds for the 200
 * @param duplicateDeliveries deliver every event twice, to exercise idempotency
 * @param receiptDelay how long after a CS message the phone reports it received
 * @param receipts whether phones report messages received (off for load runs that measure sending alone)
 * @param enforceWindow whether CS messages outside the 7-day window are refused (off for load runs with users
 *     the simulator never saw)
 * @param keepPhoneMessages whether phones keep what they receive (off for load runs: a million phones' messages
 *     would not fit in memory)
 * @param echoApiSends whether messages sent through the API are echoed to the webhook as {@code oa_send_text}, as
 *     Zalo does (off by default: a bulletin to many followers would double the webhook traffic; messages the OA's
 *     admin writes in Zalo's own chat are always echoed)
 * @param articleProcessing how long a new or changed article stays "being processed" ({@code -214} on verify)
 * @param articleVerifyIdField the field {@code article/verify} names the article id in: "id", "article_id" or
 *     "both" (sources disagree, so BinhYen must read either)
 * @param articlesPerMonth articles an OA may create per month before {@code -223}
 * @param broadcastsPerMonth article broadcasts an OA may send per month (its package's quota) before {@code -211}
 * @param broadcastNightBan when broadcasts are refused with {@code -234}, Vietnam time; empty for never
 */
@SimulatorOnly
@ConfigurationProperties("binhyen.zalosim")
public record SimProperties(
        @DefaultValue("2553928453557884079") String appId,

        @DefaultValue("sim-app-secret-do-not-use-in-production")
        String appSecret,

        @DefaultValue("binhyen-simulator") String secretSeed,
        @DefaultValue("PT25H") Duration accessTokenLifetime,
        @DefaultValue("PT10M") Duration codeLifetime,
        @DefaultValue("4000") int requestsPerMinute,
        @DefaultValue("P7D") Duration interactionWindow,
        @DefaultValue("-14014") int invalidRefreshTokenError,
        @DefaultValue("/") String webhookBaseUrl,

        @DefaultValue({"PT30S", "PT5M", "PT15M", "PT30M", "PT1H"})
        List<Duration> webhookRetryDelays,

        @DefaultValue("PT2S") Duration webhookTimeout,
        @DefaultValue("false") boolean duplicateDeliveries,
        @DefaultValue("PT0.5S") Duration receiptDelay,
        @DefaultValue("true") boolean receipts,
        @DefaultValue("true") boolean enforceWindow,
        @DefaultValue("true") boolean keepPhoneMessages,
        @DefaultValue("false") boolean echoApiSends,
        @DefaultValue("PT2S") Duration articleProcessing,
        @DefaultValue("id") String articleVerifyIdField,
        @DefaultValue("100") int articlesPerMonth,
        @DefaultValue("8") int broadcastsPerMonth,
        @DefaultValue("22:00-06:00") String broadcastNightBan) {}
