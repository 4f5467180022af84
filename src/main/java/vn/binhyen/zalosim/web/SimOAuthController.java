package vn.binhyen.zalosim.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;
import vn.binhyen.zalosim.internal.SimAuthority;
import vn.binhyen.zalosim.internal.SimProperties;
import vn.binhyen.zalosim.internal.SimWorld;
import vn.binhyen.zalosim.internal.SimulatorOnly;

/** The simulated {@code oauth.zaloapp.com}: the OA admin's consent page and the token endpoint. */
@Controller
@SimulatorOnly
class SimOAuthController {

    private static final String CALLBACK_PATH = "/channels/zalo/oauth/callback";

    private final SimAuthority authority;
    private final SimWorld world;
    private final SimProperties properties;

    SimOAuthController(SimAuthority authority, SimWorld world, SimProperties properties) {
        this.authority = authority;
        this.world = world;
        this.properties = properties;
    }

    @GetMapping("/sim/zalo/oauth/v4/oa/permission")
    String consent(
            @RequestParam("app_id") String appId,
            @RequestParam("redirect_uri") String redirectUri,
            @RequestParam("code_challenge") String codeChallenge,
            @RequestParam(name = "state", defaultValue = "") String state,
            Model model) {
        model.addAttribute("appId", appId);
        model.addAttribute("redirectUri", redirectUri);
        model.addAttribute("codeChallenge", codeChallenge);
        model.addAttribute("state", state);
        model.addAttribute("oas", world.oas());
        model.addAttribute("knownApp", properties.appId().equals(appId));
        return "zalosim/permission";
    }

    @PostMapping("/sim/zalo/oauth/v4/oa/permission")
    ResponseEntity<Void> approve(
            @RequestParam("oa_id") String oaId,
            @RequestParam("redirect_uri") String redirectUri,
            @RequestParam("code_challenge") String codeChallenge,
            @RequestParam(name = "state", defaultValue = "") String state) {
        URI callback = URI.create(redirectUri);
        // Zalo only redirects to the callback registered for the app; the simulator only to BinhYen's callback path.
        if (world.oa(oaId).isEmpty()
                || callback.getScheme() == null
                || !callback.getScheme().startsWith("http")
                || !CALLBACK_PATH.equals(callback.getPath())) {
            return ResponseEntity.badRequest().build();
        }
        String code = authority.approve(oaId, codeChallenge);
        URI target = UriComponentsBuilder.fromUri(callback)
                .queryParam("code", code)
                .queryParam("oa_id", oaId)
                .queryParam("state", state)
                .encode()
                .build()
                .toUri();
        return ResponseEntity.status(302).location(target).build();
    }

    @PostMapping(
            path = "/sim/zalo/oauth/v4/oa/access_token",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> token(
            @RequestHeader(name = "secret_key", required = false) String secretKey,
            @RequestParam MultiValueMap<String, String> form) {
        if (!properties.appId().equals(form.getFirst("app_id"))) {
            return error(-14002, "Invalid appId");
        }
        if (!properties.appSecret().equals(secretKey)) {
            return error(-14004, "Invalid secret key");
        }
        String grantType = String.valueOf(form.getFirst("grant_type"));
        SimAuthority.Result result;
        if (grantType.equals("authorization_code")) {
            result = authority.exchange(
                    String.valueOf(form.getFirst("code")), String.valueOf(form.getFirst("code_verifier")));
        } else if (grantType.equals("refresh_token")) {
            result = authority.refresh(String.valueOf(form.getFirst("refresh_token")));
        } else {
            return error(-14018, "Invalid grant type");
        }
        if (result.tokens() == null) {
            return error(result.error(), result.errorName());
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("access_token", result.tokens().accessToken());
        body.put("refresh_token", result.tokens().refreshToken());
        body.put("expires_in", String.valueOf(result.tokens().expiresInSeconds()));
        return body;
    }

    /** Token errors come with HTTP 200, as Zalo sends them. */
    private static Map<String, Object> error(int code, String name) {
        var body = new LinkedHashMap<String, Object>();
        body.put("error", code);
        body.put("error_name", name);
        body.put("error_reason", "");
        body.put("error_description", name);
        return body;
    }
}
