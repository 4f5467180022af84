package vn.binhyen.zalo.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import vn.binhyen.zalo.internal.WebhookIntake;
import vn.binhyen.zalo.internal.WebhookIntake.Outcome;

/**
 * Zalo's webhook, {@code POST /channels/zalo/{oaId}/webhook}, answered by a servlet filter that runs first and ends
 * the request itself.
 *
 * <p>Why not a controller: Zalo's servers are the only callers, they authenticate by the body's signature (checked in
 * {@link WebhookIntake}), and they send hundreds of events a second in a burst. A profile of the intake benchmark
 * showed 87 % of a webhook request's CPU in the layers a controller sits under (the security filter chain with an
 * observation around each filter, MVC's handler lookup over every mapping, argument resolution and message
 * conversion) and 13 % in our code; none of those layers does anything for this endpoint. See
 * docs/decisions/0009-webhook-outside-mvc.md.
 *
 * <p>The body is read as raw bytes, since the signature covers them exactly as sent, and never more than the
 * configured maximum plus one byte. The answers (status and a short JSON with a Vietnamese message) are rendered once.
 */
class WebhookFilter extends HttpFilter {

    static final String PREFIX = "/channels/zalo/";
    static final String SUFFIX = "/webhook";

    private final WebhookIntake intake;
    private final int maxBytes;
    private final Map<Outcome, byte[]> answers = new EnumMap<>(Outcome.class);
    private final byte[] methodNotAllowed;

    WebhookFilter(WebhookIntake intake, int maxBytes, MessageSource messages) {
        this.intake = intake;
        this.maxBytes = maxBytes;
        Locale vi = Locale.forLanguageTag("vi");
        for (Outcome outcome : Outcome.values()) {
            answers.put(
                    outcome, json(status(outcome), messages.getMessage("zalo.webhook." + outcome.name(), null, vi)));
        }
        methodNotAllowed =
                json(HttpStatus.METHOD_NOT_ALLOWED, messages.getMessage("zalo.webhook.METHOD_NOT_ALLOWED", null, vi));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String oaId = oaId(request);
        if (oaId == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            write(response, HttpStatus.METHOD_NOT_ALLOWED, methodNotAllowed);
            return;
        }
        byte[] body = body(request);
        Outcome outcome = intake.receive(
                oaId,
                body,
                request.getHeader("X-ZEvent-Signature"),
                parseRetry(request.getHeader("num_retry")),
                request.getRemoteAddr());
        write(response, status(outcome), answers.get(outcome));
    }

    /**
     * The body, or its first {@code maxBytes + 1} bytes when it is longer (enough to refuse it as too large). With a
     * declared length the array is made once at its size: {@code readNBytes(int)} reads through 16 KB buffers and
     * copies, which was 40 % of all the intake's allocation for bodies under 1 KB and brought the garbage collector
     * round more often.
     */
    private byte[] body(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        try (InputStream in = request.getInputStream()) {
            if (declared < 0 || declared > maxBytes) {
                return in.readNBytes(maxBytes + 1);
            }
            byte[] body = new byte[(int) declared];
            int read = in.readNBytes(body, 0, body.length);
            return read == body.length ? body : Arrays.copyOf(body, read);
        }
    }

    /** The OA id when the request is for the webhook, otherwise null (the filter is mapped to all of /channels/zalo/). */
    static String oaId(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(PREFIX) || !path.endsWith(SUFFIX) || path.length() <= PREFIX.length() + SUFFIX.length()) {
            return null;
        }
        String oaId = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
        return oaId.indexOf('/') >= 0 ? null : oaId;
    }

    static HttpStatus status(Outcome outcome) {
        return switch (outcome) {
            case STORED, DUPLICATE -> HttpStatus.OK;
            case BAD_SIGNATURE, STALE -> HttpStatus.UNAUTHORIZED;
            case UNKNOWN_ACCOUNT -> HttpStatus.NOT_FOUND;
            case MALFORMED -> HttpStatus.BAD_REQUEST;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case NOT_STORED -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    private static void write(ServletResponse response, HttpStatus status, byte[] json) throws IOException {
        ((HttpServletResponse) response).setStatus(status.value());
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    /** Zalo reads {@code error} (0 is success); the message is for whoever reads a refused delivery by hand. */
    private static byte[] json(HttpStatus status, String message) {
        int error = status == HttpStatus.OK ? 0 : -status.value();
        String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
        return ("{\"error\":" + error + ",\"message\":\"" + escaped + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static int parseRetry(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
