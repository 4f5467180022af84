package vn.binhyen.zalo.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhyen.zalo.ConnectionStatus;
import vn.binhyen.zalo.internal.OfficialAccountStore.LockedTokens;

/**
 * Keeps every OA's access token alive. Zalo's refresh tokens are single-use and rotate, and the old access token dies
 * when a new one is minted, so a refresh happens only while holding the OA's row lock ({@code SELECT … FOR UPDATE}),
 * re-checks after acquiring it, and stores the new pair in the same transaction. Two nodes can then never spend the
 * same refresh token. A refusal from Zalo marks the OA BROKEN for an administrator to see.
 */
@Component
public class TokenKeeper {

    private static final Logger log = LoggerFactory.getLogger(TokenKeeper.class);
    /** A token this close to its end is refreshed before use rather than sent to fail. */
    private static final Duration USE_MARGIN = Duration.ofMinutes(2);

    private final OfficialAccountStore accounts;
    private final ZaloOAuthClient oauth;
    private final TransactionTemplate transaction;
    private final ZaloProperties properties;
    private final Clock clock;
    private final Pollers pollers;

    TokenKeeper(
            OfficialAccountStore accounts,
            ZaloOAuthClient oauth,
            TransactionTemplate transaction,
            ZaloProperties properties,
            Clock clock,
            Pollers pollers) {
        this.accounts = accounts;
        this.oauth = oauth;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
        this.pollers = pollers;
    }

    /** A usable access token for the OA, refreshed first if it is about to run out. */
    public String accessToken(String oaId) {
        var current = accounts.currentToken(oaId).orElseThrow(() -> new NotConnectedException(oaId));
        if (current.status() != ConnectionStatus.CONNECTED || current.accessToken() == null) {
            throw new NotConnectedException(oaId);
        }
        Instant soon = clock.instant().plus(USE_MARGIN);
        if (current.expiresAt() != null && current.expiresAt().isAfter(soon)) {
            return current.accessToken();
        }
        return refresh(
                oaId,
                locked -> locked.accessTokenExpiresAt() == null
                        || !locked.accessTokenExpiresAt().isAfter(soon));
    }

    /**
     * Zalo said the token is invalid or expired. Refresh once, unless another node already did (the stored token is
     * no longer the one that was refused), in which case the newer token is returned.
     */
    public String refreshAfterRejection(String oaId, String rejectedToken) {
        return refresh(oaId, locked -> rejectedToken.equals(locked.accessToken()));
    }

    /** Refreshes, ahead of time, every token that would otherwise expire within the margin. */
    public void refreshDueTokens() {
        if (!pollers.running()) {
            return;
        }
        Instant dueBefore = clock.instant().plus(properties.refreshMargin());
        for (String oaId : accounts.connectedExpiringBefore(dueBefore)) {
            try {
                refresh(
                        oaId,
                        locked -> locked.accessTokenExpiresAt() == null
                                || locked.accessTokenExpiresAt().isBefore(dueBefore));
            } catch (RuntimeException e) {
                // Unreachable Zalo: the next run tries again; a refusal has already marked the OA broken.
                log.warn("Token refresh for OA {} did not complete: {}", oaId, e.getMessage());
            }
        }
    }

    /**
     * Runs inside the caller's transaction when there is one (the delivery worker holds a delivery row), so nothing
     * here may throw: an exception would mark the caller's transaction rollback-only. Outcomes are returned instead.
     */
    private String refresh(String oaId, Predicate<LockedTokens> stillNeeded) {
        Outcome outcome = transaction.execute(status -> {
            LockedTokens locked = accounts.lockTokens(oaId).orElse(null);
            if (locked == null || locked.status() != ConnectionStatus.CONNECTED || locked.refreshToken() == null) {
                return Outcome.NOT_CONNECTED;
            }
            if (!stillNeeded.test(locked) && locked.accessToken() != null) {
                return new Outcome(locked.accessToken(), State.TOKEN);
            }
            try {
                TokenGrant grant = oauth.refresh(locked.appId(), locked.appSecret(), locked.refreshToken());
                accounts.saveTokens(oaId, grant, clock.instant(), false);
                log.info("Refreshed the access token of OA {}", oaId);
                return new Outcome(grant.accessToken(), State.TOKEN);
            } catch (TokenRejectedException e) {
                accounts.markBroken(oaId, e.problem());
                log.warn(
                        "Zalo refused to refresh the token of OA {} ({}); the OA must be connected again",
                        oaId,
                        e.problem());
                return Outcome.NOT_CONNECTED;
            } catch (ZaloUnreachableException e) {
                return Outcome.UNREACHABLE;
            }
        });
        if (outcome == null || outcome.state() == State.NOT_CONNECTED) {
            throw new NotConnectedException(oaId);
        }
        if (outcome.state() == State.UNREACHABLE || outcome.token() == null) {
            throw new ZaloUnreachableException("Zalo OAuth did not answer the refresh of OA " + oaId);
        }
        return outcome.token();
    }

    private enum State {
        TOKEN,
        NOT_CONNECTED,
        UNREACHABLE
    }

    private record Outcome(
            @org.jspecify.annotations.Nullable String token, State state) {
        static final Outcome NOT_CONNECTED = new Outcome(null, State.NOT_CONNECTED);
        static final Outcome UNREACHABLE = new Outcome(null, State.UNREACHABLE);

        @Override
        public String toString() {
            return "Outcome[" + state + "]";
        }
    }

    /** The OA has no working connection; nothing can be sent until an administrator connects it again. */
    public static class NotConnectedException extends RuntimeException {
        public NotConnectedException(String oaId) {
            super("OA " + oaId + " is not connected");
        }
    }
}
