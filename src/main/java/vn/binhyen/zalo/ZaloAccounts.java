package vn.binhyen.zalo;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;
import vn.binhyen.directory.Directory;
import vn.binhyen.zalo.internal.OfficialAccountStore;
import vn.binhyen.zalo.internal.OfficialAccountStore.AccountRow;
import vn.binhyen.zalo.internal.Pkce;
import vn.binhyen.zalo.internal.TokenRejectedException;
import vn.binhyen.zalo.internal.ZaloEndpoints;
import vn.binhyen.zalo.internal.ZaloOAuthClient;

/** The Zalo channel's API for administrators: bind a commune's OA and connect it with OAuth v4 and PKCE. */
@Service
@Validated
public class ZaloAccounts {

    public static final String CALLBACK_PATH = "/channels/zalo/oauth/callback";
    /** Zalo's authorization codes live 10 minutes; a pending connection no longer. */
    private static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(ZaloAccounts.class);

    private final OfficialAccountStore store;
    private final Directory directory;
    private final ZaloOAuthClient oauth;
    private final ZaloEndpoints endpoints;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ZaloAccounts(
            OfficialAccountStore store,
            Directory directory,
            ZaloOAuthClient oauth,
            ZaloEndpoints endpoints,
            TransactionTemplate transaction,
            Clock clock) {
        this.store = store;
        this.directory = directory;
        this.oauth = oauth;
        this.endpoints = endpoints;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Binds (or re-binds, replacing its secrets) a commune police page's OA. */
    @Transactional
    public void bind(@Valid NewOfficialAccount account) {
        var commune = directory
                .commune(account.communeCode())
                .orElseThrow(() -> new ZaloChannelException("zalo.oa.commune.unknown", "No such commune"));
        store.upsert(
                account.oaId(),
                account.appId(),
                commune.code(),
                commune.provinceCode(),
                account.name().strip(),
                account.appSecret().strip(),
                account.oaSecretKey().strip());
        log.info("Zalo OA {} bound to commune {}", account.oaId(), commune.code());
    }

    @Transactional(readOnly = true)
    public List<OfficialAccountView> accounts() {
        return store.all().stream().map(ZaloAccounts::view).toList();
    }

    @Transactional(readOnly = true)
    public Optional<OfficialAccountView> account(String oaId) {
        return store.find(oaId).map(ZaloAccounts::view);
    }

    /** The consent URL an administrator opens to let BinhYen act for the OA; valid for 10 minutes. */
    @Transactional
    public String startConnection(String oaId) {
        AccountRow account =
                store.find(oaId).orElseThrow(() -> new ZaloChannelException("zalo.oa.unknown", "No such OA binding"));
        String state = Pkce.randomToken(24);
        String verifier = Pkce.newVerifier();
        store.savePendingConnection(oaId, state, verifier, clock.instant().plus(PENDING_LIFETIME));
        return oauth.permissionUrl(
                account.appId(), endpoints.publicUrl(CALLBACK_PATH), Pkce.challengeOf(verifier), state);
    }

    /**
     * Completes a connection from Zalo's callback: the state names the pending connection (single use), the code is
     * exchanged with the PKCE verifier, and the token pair is stored. A refusal is stored on the OA as BROKEN.
     *
     * @return the OA that is now connected
     */
    public String finishConnection(String state, String code, String callbackOaId) {
        Result result = transaction.execute(status -> {
            var pending = store.lockPending(state).orElse(null);
            if (pending == null || pending.expiresAt().isBefore(clock.instant())) {
                return new Result(null, "zalo.connect.expired");
            }
            if (!callbackOaId.isBlank() && !callbackOaId.equals(pending.oaId())) {
                store.markBroken(pending.oaId(), "callback for another OA");
                return new Result(null, "zalo.connect.wrong-oa");
            }
            try {
                var grant = oauth.exchangeCode(pending.appId(), pending.appSecret(), code, pending.verifier());
                store.saveTokens(pending.oaId(), grant, clock.instant(), true);
                return new Result(pending.oaId(), null);
            } catch (TokenRejectedException e) {
                store.markBroken(pending.oaId(), e.problem());
                return new Result(null, "zalo.connect.refused");
            }
        });
        if (result == null || result.oaId() == null) {
            String key = result == null ? "zalo.connect.refused" : result.failureKey();
            throw new ZaloChannelException(key, "Connection not completed: " + key);
        }
        log.info("Zalo OA {} connected", result.oaId());
        return result.oaId();
    }

    private record Result(
            @org.jspecify.annotations.Nullable String oaId,
            @org.jspecify.annotations.Nullable String failureKey) {}

    static OfficialAccountView view(AccountRow row) {
        return new OfficialAccountView(
                row.oaId(),
                row.appId(),
                row.communeCode(),
                row.name(),
                row.appSecretMask(),
                row.oaSecretKeyMask(),
                row.status(),
                row.connectionProblem(),
                row.accessTokenExpiresAt(),
                row.connectedAt(),
                row.refreshedAt());
    }
}
