package vn.binhyen.zalo.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.binhyen.shared.crypto.SecretBox;
import vn.binhyen.zalo.ConnectionStatus;

/**
 * OA bindings. Every secret column is sealed with {@link SecretBox}, bound to its OA and field, and opened only
 * here, at the moment of use; nothing read from this class prints a secret in {@code toString()}.
 */
@Repository
public class OfficialAccountStore {

    /**
     * How long a node trusts its copy of an OA's binding without reading it again. Changes made on this node drop the
     * copy at once; a change made on another node is seen within this time (and at once by the webhook, which reads
     * the keys again before refusing a signature).
     */
    static final Duration BINDING_TTL = Duration.ofSeconds(60);

    private final JdbcClient jdbc;
    private final SecretBox box;
    /**
     * The hot paths (every webhook request, every stored event) need the OA's app id, commune and opened webhook key;
     * reading the row and opening the sealed key each time cost a SELECT and AES-GCM work per request. Kept in memory
     * only, never logged (the record's toString hides the key).
     */
    private final ConcurrentHashMap<String, CachedBinding> bindings = new ConcurrentHashMap<>();

    OfficialAccountStore(JdbcClient jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    public void upsert(
            String oaId,
            String appId,
            String communeCode,
            String provinceCode,
            String name,
            String appSecret,
            String oaSecretKey) {
        jdbc.sql("""
                        INSERT INTO zalo.official_accounts (oa_id, app_id, commune_code, province_code, name,
                            app_secret, oa_secret_key)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (oa_id) DO UPDATE SET app_id = EXCLUDED.app_id,
                            commune_code = EXCLUDED.commune_code, province_code = EXCLUDED.province_code,
                            name = EXCLUDED.name, app_secret = EXCLUDED.app_secret,
                            oa_secret_key = EXCLUDED.oa_secret_key
                        """)
                .params(
                        oaId,
                        appId,
                        communeCode,
                        provinceCode,
                        name,
                        box.seal(appSecret, aad(oaId, "app_secret")),
                        box.seal(oaSecretKey, aad(oaId, "oa_secret_key")))
                .update();
        forget(oaId);
    }

    /** Drops this node's copy of the OA's binding: its credentials or commune changed. */
    public void forget(String oaId) {
        bindings.remove(oaId);
    }

    public Optional<AccountRow> find(String oaId) {
        return jdbc.sql("SELECT * FROM zalo.official_accounts WHERE oa_id = ?")
                .param(oaId)
                .query(this::account)
                .optional();
    }

    public List<AccountRow> all() {
        return jdbc.sql("SELECT * FROM zalo.official_accounts ORDER BY commune_code, oa_id")
                .query(this::account)
                .list();
    }

    /**
     * What the webhook needs to check a signature and the event processor to place an event: the app id, the
     * commune and the opened OA secret key, from memory when this node read them less than {@link #BINDING_TTL} ago.
     */
    public Optional<Binding> binding(String oaId) {
        CachedBinding cached = bindings.get(oaId);
        long now = System.nanoTime();
        if (cached != null && now - cached.loadedAt() < BINDING_TTL.toNanos()) {
            return Optional.of(cached.binding());
        }
        return reloadBinding(oaId);
    }

    /** Reads the binding from the database, whatever this node holds (the webhook's second look before a 401). */
    public Optional<Binding> reloadBinding(String oaId) {
        Optional<Binding> loaded = jdbc.sql("""
                        SELECT app_id, commune_code, province_code, oa_secret_key
                          FROM zalo.official_accounts WHERE oa_id = ?
                        """)
                .param(oaId)
                .query((rs, row) -> new Binding(
                        oaId,
                        rs.getString("app_id"),
                        rs.getString("commune_code"),
                        rs.getString("province_code"),
                        box.open(rs.getBytes("oa_secret_key"), aad(oaId, "oa_secret_key"))))
                .optional();
        loaded.ifPresentOrElse(
                b -> bindings.put(oaId, new CachedBinding(b, System.nanoTime())), () -> bindings.remove(oaId));
        return loaded;
    }

    public void savePendingConnection(String oaId, String state, String verifier, Instant expiresAt) {
        jdbc.sql("""
                        UPDATE zalo.official_accounts SET pending_state = ?, pending_verifier = ?, pending_expires_at = ?
                         WHERE oa_id = ?
                        """)
                .params(state, box.seal(verifier, aad(oaId, "pending_verifier")), ts(expiresAt), oaId)
                .update();
    }

    /** Locks the OA whose connection is pending under this state, so one callback completes it. */
    public Optional<PendingConnection> lockPending(String state) {
        return jdbc.sql("""
                        SELECT oa_id, app_id, app_secret, pending_verifier, pending_expires_at
                          FROM zalo.official_accounts WHERE pending_state = ? FOR UPDATE
                        """)
                .param(state)
                .query((rs, row) -> {
                    String oaId = rs.getString("oa_id");
                    return new PendingConnection(
                            oaId,
                            rs.getString("app_id"),
                            box.open(rs.getBytes("app_secret"), aad(oaId, "app_secret")),
                            box.open(rs.getBytes("pending_verifier"), aad(oaId, "pending_verifier")),
                            rs.getTimestamp("pending_expires_at").toInstant());
                })
                .optional();
    }

    /** Locks the OA's token row: whoever holds it is the only one allowed to spend the refresh token. */
    public Optional<LockedTokens> lockTokens(String oaId) {
        return jdbc.sql("""
                        SELECT oa_id, app_id, app_secret, access_token, refresh_token, access_token_expires_at,
                               connection_status
                          FROM zalo.official_accounts WHERE oa_id = ? FOR UPDATE
                        """)
                .param(oaId)
                .query((rs, row) -> new LockedTokens(
                        oaId,
                        rs.getString("app_id"),
                        box.open(rs.getBytes("app_secret"), aad(oaId, "app_secret")),
                        openNullable(rs.getBytes("access_token"), aad(oaId, "access_token")),
                        openNullable(rs.getBytes("refresh_token"), aad(oaId, "refresh_token")),
                        instant(rs.getTimestamp("access_token_expires_at")),
                        ConnectionStatus.valueOf(rs.getString("connection_status"))))
                .optional();
    }

    public Optional<CurrentToken> currentToken(String oaId) {
        return jdbc.sql("""
                        SELECT app_id, access_token, access_token_expires_at, connection_status
                          FROM zalo.official_accounts WHERE oa_id = ?
                        """)
                .param(oaId)
                .query((rs, row) -> new CurrentToken(
                        oaId,
                        rs.getString("app_id"),
                        openNullable(rs.getBytes("access_token"), aad(oaId, "access_token")),
                        instant(rs.getTimestamp("access_token_expires_at")),
                        ConnectionStatus.valueOf(rs.getString("connection_status"))))
                .optional();
    }

    /** Stores a new token pair in one statement: the old refresh token is gone the moment the new one is in. */
    public void saveTokens(String oaId, TokenGrant grant, Instant now, boolean newConnection) {
        jdbc.sql("""
                        UPDATE zalo.official_accounts
                           SET access_token = ?, refresh_token = ?, access_token_expires_at = ?,
                               refresh_token_expires_at = ?, connection_status = 'CONNECTED',
                               connection_problem = NULL, pending_state = NULL, pending_verifier = NULL,
                               pending_expires_at = NULL, refreshed_at = ?,
                               connected_at = CASE WHEN ? THEN ? ELSE connected_at END
                         WHERE oa_id = ?
                        """)
                .params(
                        box.seal(grant.accessToken(), aad(oaId, "access_token")),
                        box.seal(grant.refreshToken(), aad(oaId, "refresh_token")),
                        ts(now.plus(grant.expiresIn())),
                        ts(now.plus(grant.refreshExpiresIn())),
                        ts(now),
                        newConnection,
                        ts(now),
                        oaId)
                .update();
    }

    public void markBroken(String oaId, String problem) {
        jdbc.sql("""
                        UPDATE zalo.official_accounts SET connection_status = 'BROKEN', connection_problem = ?,
                               pending_state = NULL, pending_verifier = NULL, pending_expires_at = NULL
                         WHERE oa_id = ?
                        """).params(problem, oaId).update();
    }

    /** Connected OAs whose access token runs out before {@code before}. */
    public List<String> connectedExpiringBefore(Instant before) {
        return jdbc.sql("""
                        SELECT oa_id FROM zalo.official_accounts
                         WHERE connection_status = 'CONNECTED' AND access_token_expires_at < ?
                        """).param(ts(before)).query(String.class).list();
    }

    /** An OA's binding as the hot paths need it; the OA secret key is opened. */
    public record Binding(String oaId, String appId, String communeCode, String provinceCode, String oaSecretKey) {
        @Override
        public String toString() {
            return "Binding[" + oaId + ", " + appId + ", " + communeCode + ", secret protected]";
        }
    }

    private record CachedBinding(Binding binding, long loadedAt) {}

    public record PendingConnection(String oaId, String appId, String appSecret, String verifier, Instant expiresAt) {
        @Override
        public String toString() {
            return "PendingConnection[" + oaId + "]";
        }
    }

    public record LockedTokens(
            String oaId,
            String appId,
            String appSecret,
            @Nullable String accessToken,
            @Nullable String refreshToken,
            @Nullable Instant accessTokenExpiresAt,
            ConnectionStatus status) {
        @Override
        public String toString() {
            return "LockedTokens[" + oaId + ", " + status + "]";
        }
    }

    public record CurrentToken(
            String oaId,
            String appId,
            @Nullable String accessToken,
            @Nullable Instant expiresAt,
            ConnectionStatus status) {
        @Override
        public String toString() {
            return "CurrentToken[" + oaId + ", " + status + "]";
        }
    }

    /** An OA binding without any secret in it. */
    public record AccountRow(
            String oaId,
            String appId,
            String communeCode,
            String provinceCode,
            String name,
            String appSecretMask,
            String oaSecretKeyMask,
            ConnectionStatus status,
            @Nullable String connectionProblem,
            @Nullable Instant accessTokenExpiresAt,
            @Nullable Instant connectedAt,
            @Nullable Instant refreshedAt) {}

    private AccountRow account(ResultSet rs, int row) throws SQLException {
        String oaId = rs.getString("oa_id");
        return new AccountRow(
                oaId,
                rs.getString("app_id"),
                rs.getString("commune_code"),
                rs.getString("province_code"),
                rs.getString("name"),
                mask(box.open(rs.getBytes("app_secret"), aad(oaId, "app_secret"))),
                mask(box.open(rs.getBytes("oa_secret_key"), aad(oaId, "oa_secret_key"))),
                ConnectionStatus.valueOf(rs.getString("connection_status")),
                rs.getString("connection_problem"),
                instant(rs.getTimestamp("access_token_expires_at")),
                instant(rs.getTimestamp("connected_at")),
                instant(rs.getTimestamp("refreshed_at")));
    }

    /** Enough to tell two secrets apart on screen, never enough to use one. */
    static String mask(String secret) {
        if (secret.length() < 12) {
            return "••••••••";
        }
        return "••••••••" + secret.substring(secret.length() - 2);
    }

    private @Nullable String openNullable(byte @Nullable [] sealed, String aad) {
        return sealed == null ? null : box.open(sealed, aad);
    }

    static String aad(String oaId, String field) {
        return "zalo-oa:" + oaId + ":" + field;
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
