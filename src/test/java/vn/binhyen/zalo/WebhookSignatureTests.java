package vn.binhyen.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.binhyen.zalo.internal.WebhookSignature;

/** The X-ZEvent-Signature formula against the reference's test vector, and what must not pass. */
class WebhookSignatureTests {

    static final String APP_ID = "2553928453557884079";
    static final String OA_SECRET = "TEST_OA_SECRET_KEY";
    static final String TIMESTAMP = "1699003881354";
    static final String BODY = "{\"app_id\":\"2553928453557884079\",\"sender\":{\"id\":\"6142494823000000000\"},"
            + "\"user_id_by_app\":\"979122185046046317\",\"recipient\":{\"id\":\"3662729599332560487\"},"
            + "\"event_name\":\"user_send_text\",\"message\":{\"text\":\"Xin chào\",\"msg_id\":\"cb31dff1c39642cc1b83\"},"
            + "\"timestamp\":\"1699003881354\"}";
    static final String HEADER = "mac=d0fc57c2a8007174a98446732e08b7f7634f0137e03f3b69126622608b0c8d74";

    @Test
    void theReferenceVectorIs270BytesAndSignsAsPublished() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(body).hasSize(270);
        String expected = WebhookSignature.compute(APP_ID, body, TIMESTAMP, OA_SECRET);
        assertThat("mac=" + expected).isEqualTo(HEADER);
        assertThat(WebhookSignature.matches(HEADER, expected)).isTrue();
    }

    @Test
    void acceptsTheSignatureWithoutPrefixInAnyCaseAndWithSpaces() {
        String expected = WebhookSignature.compute(APP_ID, BODY.getBytes(StandardCharsets.UTF_8), TIMESTAMP, OA_SECRET);
        assertThat(WebhookSignature.matches(HEADER.substring(4), expected)).isTrue();
        assertThat(WebhookSignature.matches("MAC = " + HEADER.substring(4).toUpperCase(), expected))
                .isTrue();
    }

    @Test
    void refusesATamperedBodyAWrongSecretAndAMissingHeader() {
        byte[] tampered = BODY.replace("Xin chào", "Xin chao").getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.matches(HEADER, WebhookSignature.compute(APP_ID, tampered, TIMESTAMP, OA_SECRET)))
                .isFalse();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.matches(HEADER, WebhookSignature.compute(APP_ID, body, TIMESTAMP, "WRONG")))
                .isFalse();
        String expected = WebhookSignature.compute(APP_ID, body, TIMESTAMP, OA_SECRET);
        assertThat(WebhookSignature.matches(null, expected)).isFalse();
        assertThat(WebhookSignature.matches("", expected)).isFalse();
        assertThat(WebhookSignature.matches("mac=", expected)).isFalse();
    }

    @Test
    void theAppSecretIsNotTheOaSecretKey() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.compute(APP_ID, body, TIMESTAMP, "app-secret"))
                .isNotEqualTo(WebhookSignature.compute(APP_ID, body, TIMESTAMP, OA_SECRET));
    }
}
