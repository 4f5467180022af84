package vn.binhyen.zalo;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An OA binding as pages show it: secrets only as masks, the connection's health in plain sight. */
public record OfficialAccountView(
        String oaId,
        String appId,
        String communeCode,
        String name,
        String appSecretMask,
        String oaSecretKeyMask,
        ConnectionStatus status,
        @Nullable String connectionProblem,
        @Nullable Instant accessTokenExpiresAt,
        @Nullable Instant connectedAt,
        @Nullable Instant refreshedAt) {}
