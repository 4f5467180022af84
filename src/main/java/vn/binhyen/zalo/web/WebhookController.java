package vn.binhyen.zalo.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.binhyen.zalo.internal.WebhookIntake;
import vn.binhyen.zalo.internal.WebhookIntake.Outcome;

/** Zalo's webhook. The body is taken as raw bytes: the signature covers them exactly as sent. */
@RestController
class WebhookController {

    private final WebhookIntake intake;

    WebhookController(WebhookIntake intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/channels/zalo/{oaId}/webhook", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> receive(
            @PathVariable String oaId,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "X-ZEvent-Signature", required = false) String signature,
            @RequestHeader(name = "num_retry", required = false) String numRetry,
            HttpServletRequest request) {
        Outcome outcome = intake.receive(
                oaId, body == null ? new byte[0] : body, signature, parseRetry(numRetry), request.getRemoteAddr());
        HttpStatus status = switch (outcome) {
            case STORED, DUPLICATE -> HttpStatus.OK;
            case BAD_SIGNATURE, STALE -> HttpStatus.UNAUTHORIZED;
            case UNKNOWN_ACCOUNT -> HttpStatus.NOT_FOUND;
            case MALFORMED -> HttpStatus.BAD_REQUEST;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case NOT_STORED -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        return ResponseEntity.status(status).body(Map.of("error", status == HttpStatus.OK ? 0 : -status.value()));
    }

    private static int parseRetry(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
