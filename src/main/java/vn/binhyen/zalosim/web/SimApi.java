package vn.binhyen.zalosim.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.binhyen.zalosim.internal.SimArticles;
import vn.binhyen.zalosim.internal.SimRateLimiter;
import vn.binhyen.zalosim.internal.SimWorld;
import vn.binhyen.zalosim.internal.SimZalo;
import vn.binhyen.zalosim.internal.SimulatorOnly;

/**
 * What every simulated OA API call shares: one request of the per-minute limit (with the {@code X-RateLimit-*}
 * headers, {@code -32} over it), the {@code access_token} header naming the OA ({@code -216} otherwise), and Zalo's
 * envelope (errors as HTTP 200 with a negative {@code error}).
 */
@Component
@SimulatorOnly
class SimApi {

    private final SimZalo zalo;
    private final SimRateLimiter rateLimiter;

    SimApi(SimZalo zalo, SimRateLimiter rateLimiter) {
        this.zalo = zalo;
        this.rateLimiter = rateLimiter;
    }

    ResponseEntity<Map<String, Object>> call(String token, Function<SimWorld.SimOa, Map<String, Object>> handler) {
        int remain = rateLimiter.take();
        var response = ResponseEntity.ok()
                .header("X-RateLimit-Limit", String.valueOf(rateLimiter.limit()))
                .header("X-RateLimit-Remain", String.valueOf(Math.max(remain, 0)));
        if (remain < 0) {
            return response.body(error(-32, "Your application reached limit call api"));
        }
        var oa = zalo.oaOfToken(token).orElse(null);
        if (oa == null) {
            return response.body(error(-216, "Access token is invalid"));
        }
        return response.body(handler.apply(oa));
    }

    static Map<String, Object> answer(SimArticles.Answer answer) {
        return answer.error() == 0 ? success(answer.data()) : error(answer.error(), answer.message());
    }

    static Map<String, Object> success(Map<String, Object> data) {
        var body = new LinkedHashMap<String, Object>();
        body.put("data", data);
        body.put("error", 0);
        body.put("message", "Success");
        return body;
    }

    static Map<String, Object> error(int code, String message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("error", code);
        body.put("message", message);
        return body;
    }
}
