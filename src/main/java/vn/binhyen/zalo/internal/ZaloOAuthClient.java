package vn.binhyen.zalo.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Zalo's OAuth v4 for Official Accounts: the consent URL, code exchange with PKCE, and single-use refresh. */
@Component
public class ZaloOAuthClient {

    static final String TOKEN_PATH = "/v4/oa/access_token";
    static final String PERMISSION_PATH = "/v4/oa/permission";
    /** Zalo documents three months for OA refresh tokens; used when the answer does not say. */
    private static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(90);

    private final ZaloHttp http;
    private final ZaloEndpoints endpoints;

    ZaloOAuthClient(ZaloHttp http, ZaloEndpoints endpoints) {
        this.http = http;
        this.endpoints = endpoints;
    }

    public String permissionUrl(String appId, String redirectUri, String codeChallenge, String state) {
        return endpoints.oauth(PERMISSION_PATH) + "?"
                + form(Map.of(
                        "app_id", appId, "redirect_uri", redirectUri, "code_challenge", codeChallenge, "state", state));
    }

    public TokenGrant exchangeCode(String appId, String appSecret, String code, String verifier) {
        var form = new LinkedHashMap<String, String>();
        form.put("app_id", appId);
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("code_verifier", verifier);
        return tokenRequest(appSecret, form);
    }

    public TokenGrant refresh(String appId, String appSecret, String refreshToken) {
        var form = new LinkedHashMap<String, String>();
        form.put("app_id", appId);
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return tokenRequest(appSecret, form);
    }

    private TokenGrant tokenRequest(String appSecret, Map<String, String> form) {
        var response = http.send(
                "POST",
                endpoints.oauth(TOKEN_PATH),
                Map.of("secret_key", appSecret),
                "application/x-www-form-urlencoded",
                form(form));
        if (response.status() >= 500) {
            throw new ZaloUnreachableException("Zalo OAuth answered HTTP " + response.status());
        }
        JsonNode body;
        try {
            body = ZaloJson.MAPPER.readTree(response.body());
        } catch (JacksonException e) {
            throw new ZaloUnreachableException("Zalo OAuth answered something that is not JSON", e);
        }
        // Errors come with HTTP 200 and error_name/error_description; a body without an access token is never
        // taken as a token (one integrator overwrote a working token with "undefined" that way).
        int error = (int) body.path("error").asLong(0);
        String accessToken = ZaloJson.text(body.path("access_token"));
        String refreshToken = ZaloJson.text(body.path("refresh_token"));
        if (error != 0 || accessToken.isEmpty() || refreshToken.isEmpty()) {
            String name = ZaloJson.text(body.path("error_name"));
            throw new TokenRejectedException(error, name.isEmpty() ? "no token in answer" : name);
        }
        long expiresIn = parseSeconds(ZaloJson.text(body.path("expires_in")), 90_000);
        long refreshExpiresIn =
                parseSeconds(ZaloJson.text(body.path("refresh_token_expires_in")), REFRESH_TOKEN_LIFETIME.toSeconds());
        return new TokenGrant(
                accessToken, refreshToken, Duration.ofSeconds(expiresIn), Duration.ofSeconds(refreshExpiresIn));
    }

    private static long parseSeconds(String value, long fallback) {
        try {
            return value.isEmpty() ? fallback : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
