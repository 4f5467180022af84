package vn.binhyen.zalo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.support.SimulatorIntegrationTest;
import vn.binhyen.zalo.internal.WebhookSignature;
import vn.binhyen.zalosim.internal.SimResidents;
import vn.binhyen.zalosim.internal.SimWorld;
import vn.binhyen.zalosim.internal.SimZalo;

/** The Zalo tests: the application with the simulator ({@link SimulatorIntegrationTest}), and their helpers. */
@SimulatorIntegrationTest
abstract class ZaloIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** The simulator: its pages and groups, and the residents' phones that write to them. */
    @Autowired
    SimZalo simZalo;

    @Autowired
    SimWorld world;

    @Autowired
    SimResidents residents;

    final HttpClient http = HttpClient.newHttpClient();

    static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100));
    }

    /** A province 66 commune in the directory, as the unit import would leave it. */
    void commune(String code) {
        jdbc.sql("""
                        INSERT INTO directory.administrative_units (code, level, name, full_name, unit_type,
                            province_code, valid_from, dataset_version)
                        VALUES ('66', 'PROVINCE', 'Đắk Lắk', 'Tỉnh Đắk Lắk', 'Tỉnh', '66', DATE '2025-07-01', 'test')
                        ON CONFLICT (code) DO NOTHING
                        """).update();
        jdbc.sql("""
                        INSERT INTO directory.administrative_units (code, level, name, full_name, unit_type,
                            province_code, valid_from, dataset_version)
                        VALUES (?, 'COMMUNE', ?, ?, 'Xã', '66', DATE '2025-07-01', 'test')
                        ON CONFLICT (code) DO NOTHING
                        """).params(code, "Xã " + code, "Xã " + code).update();
    }

    static AccessScope communeStaff(String communeCode) {
        return new AccessScope(1, OfficerRole.COMMUNE_STAFF, communeCode, "66", Set.of());
    }

    HttpResponse<String> postWebhook(String oaId, byte[] body, @Nullable String signature, int numRetry)
            throws Exception {
        var request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/channels/zalo/" + oaId + "/webhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-ZEvent-Signature", signature);
        }
        if (numRetry > 0) {
            request.header("num_retry", String.valueOf(numRetry));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sign(String appId, String body, String oaSecretKey) {
        String timestamp = body.replaceAll(".*\"timestamp\":\"([0-9]+)\".*", "$1");
        return "mac=" + WebhookSignature.compute(appId, body.getBytes(StandardCharsets.UTF_8), timestamp, oaSecretKey);
    }

    int storedEvents(String oaId) {
        return jdbc.sql("SELECT count(*) FROM zalo.webhook_events WHERE oa_id = ?")
                .param(oaId)
                .query(Integer.class)
                .single();
    }
}
