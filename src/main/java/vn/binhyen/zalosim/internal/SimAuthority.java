package vn.binhyen.zalosim.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The simulated OAuth server's memory. Like Zalo: codes are single-use and live 10 minutes and must match the PKCE
 * challenge; refresh tokens are single-use and rotate; minting a new access token kills the OA's previous one.
 */
@Component
@SimulatorOnly
public class SimAuthority {

    private final SimProperties properties;
    private final SimWorld world;
    private final Clock clock;

    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, String> currentAccessTokenOfOa = new ConcurrentHashMap<>();

    public SimAuthority(SimProperties properties, SimWorld world, Clock clock) {
        this.properties = properties;
        this.world = world;
        this.clock = clock;
    }

    record PendingCode(String oaId, String challenge, Instant expiresAt) {}

    record Grant(String oaId, Instant expiresAt) {}

    public record Tokens(String accessToken, String refreshToken, long expiresInSeconds) {
        @Override
        public String toString() {
            return "Tokens[...]";
        }
    }

    /** The OA admin pressed "Allow": a code bound to the app's PKCE challenge. */
    public String approve(String oaId, String codeChallenge) {
        String code = world.randomHex(24);
        codes.put(code, new PendingCode(oaId, codeChallenge, clock.instant().plus(properties.codeLifetime())));
        return code;
    }

    /** @return the tokens, or the Zalo error code */
    public Result exchange(String code, String verifier) {
        PendingCode pending = codes.remove(code);
        if (pending == null || pending.expiresAt().isBefore(clock.instant())) {
            return Result.error(-14005, "Invalid authorization code");
        }
        if (!challengeOf(verifier).equals(pending.challenge())) {
            return Result.error(-14005, "Invalid code verifier");
        }
        return Result.ok(mint(pending.oaId()));
    }

    public Result refresh(String refreshToken) {
        String oaId = refreshTokens.remove(refreshToken);
        if (oaId == null) {
            return Result.error(properties.invalidRefreshTokenError(), "Invalid refresh token");
        }
        return Result.ok(mint(oaId));
    }

    /** Which OA the token opens, if it is valid now. */
    public Optional<String> oaOf(@Nullable String accessToken) {
        if (accessToken == null) {
            return Optional.empty();
        }
        Grant grant = accessTokens.get(accessToken);
        if (grant == null || !grant.expiresAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(grant.oaId());
    }

    /** Test and demo lever: the OA's current access token stops working now. */
    public void expireAccessToken(String oaId) {
        String token = currentAccessTokenOfOa.get(oaId);
        if (token != null) {
            accessTokens.remove(token);
        }
    }

    /** Test and demo lever: the OA's refresh token is revoked (as if the admin removed the app). */
    public void revokeRefreshTokens(String oaId) {
        refreshTokens.values().removeIf(oaId::equals);
    }

    private Tokens mint(String oaId) {
        String old = currentAccessTokenOfOa.get(oaId);
        if (old != null) {
            accessTokens.remove(old);
        }
        String access = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(world.randomHex(24).getBytes(StandardCharsets.US_ASCII));
        String refresh = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(world.randomHex(24).getBytes(StandardCharsets.US_ASCII));
        accessTokens.put(access, new Grant(oaId, clock.instant().plus(properties.accessTokenLifetime())));
        currentAccessTokenOfOa.put(oaId, access);
        refreshTokens.put(refresh, oaId);
        return new Tokens(access, refresh, properties.accessTokenLifetime().toSeconds());
    }

    public record Result(@Nullable Tokens tokens, int error, String errorName) {
        static Result ok(Tokens tokens) {
            return new Result(tokens, 0, "");
        }

        static Result error(int error, String name) {
            return new Result(null, error, name);
        }
    }

    static String challengeOf(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
