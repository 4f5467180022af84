package vn.binhyen.portal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.binhyen.reports.NewTip;
import vn.binhyen.reports.ReporterIdentity;
import vn.binhyen.reports.ResidentTipView;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.reports.TipChannel;
import vn.binhyen.reports.TipIntake;
import vn.binhyen.reports.TipReceipt;
import vn.binhyen.reports.TipStatus;
import vn.binhyen.shared.text.TypedText;

/** The resident actions as a versioned JSON API for other apps (a mobile app, a province hotline system). */
@RestController
@RequestMapping("/api/v1/tips")
@Tag(name = "Tin báo", description = "Gửi tin báo, xem trạng thái và trao đổi với công an bằng mã tin báo")
class TipApiController {

    static final String SECRET_HEADER = "X-Tip-Secret";

    private final TipIntake intake;
    private final Clock clock;

    TipApiController(TipIntake intake, Clock clock) {
        this.intake = intake;
        this.clock = clock;
    }

    /**
     * A tip as an app sends it. {@code occurredAt} is ISO-8601, with offset or in Vietnam time. Each constraint names
     * its Vietnamese sentence: without one, the validator's own English default ("must not be blank") was the answer.
     */
    record TipRequest(
            @NotBlank(message = "{tip.commune.required}") String communeCode,
            @Nullable Long villageId,
            @NotNull(message = "{tip.category.required}") TipCategory category,

            @NotBlank(message = "{tip.description.required}")
            String description,

            @Nullable String occurredAt,
            @Nullable String place,
            @Nullable Double latitude,
            @Nullable Double longitude,
            @Nullable Boolean urgent,

            @Nullable @Size(max = 120, message = "{tip.name.size}")
            String reporterName,

            @Nullable @Size(max = 20, message = "{tip.phone.invalid}")
            String reporterPhone) {}

    record TipCreated(
            String code, String secret, Instant receivedAt, int photosStored, int photosFailed, String statusUrl) {}

    record TipStatusResponse(
            String code,
            TipStatus status,
            TipCategory category,
            Instant receivedAt,
            boolean anonymous,
            List<Message> messages) {}

    record Message(String from, String body, Instant at) {}

    /** The body is checked as it will be kept: a line break ("\r\n" or "\n") counts as one character. */
    record MessageRequest(
            @NotBlank(message = "{tip.message.size}") @Size(max = 2000, message = "{tip.message.size}")
            String body) {

        MessageRequest {
            body = TypedText.normalized(body);
        }
    }

    @Operation(summary = "Gửi tin báo (JSON)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TipCreated> submit(@Valid @RequestBody TipRequest request) {
        return created(intake.submit(newTip(request, List.of())));
    }

    @Operation(summary = "Gửi tin báo kèm ảnh (multipart: phần 'tip' là JSON, phần 'photos' là các ảnh)")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<TipCreated> submitWithPhotos(
            @Valid @RequestPart("tip") TipRequest request,
            @RequestPart(name = "photos", required = false) @Nullable List<MultipartFile> photos) {
        return created(intake.submit(newTip(request, photos)));
    }

    @Operation(summary = "Xem trạng thái tin báo và các tin nhắn người báo tin được xem")
    @GetMapping("/{code}")
    TipStatusResponse status(
            @PathVariable String code,
            @Parameter(description = "Mã bí mật") @RequestHeader(SECRET_HEADER) String secret) {
        return response(intake.residentView(code, secret));
    }

    @Operation(summary = "Gửi thêm tin nhắn cho công an")
    @PostMapping(value = "/{code}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TipStatusResponse> message(
            @PathVariable String code,
            @RequestHeader(SECRET_HEADER) String secret,
            @Valid @RequestBody MessageRequest request) {
        intake.addResidentMessage(code, secret, request.body());
        var view = intake.residentView(code, secret);
        return ResponseEntity.created(URI.create("/api/v1/tips/" + view.code())).body(response(view));
    }

    private NewTip newTip(TipRequest request, @Nullable List<MultipartFile> photos) {
        ReporterIdentity reporter = new ReporterIdentity(request.reporterName(), request.reporterPhone());
        return new NewTip(
                request.communeCode(),
                request.villageId(),
                request.category(),
                request.description(),
                TipRequests.occurredAt(request.occurredAt(), clock.instant()),
                request.place(),
                request.latitude(),
                request.longitude(),
                Boolean.TRUE.equals(request.urgent()),
                reporter.isEmpty() ? null : reporter,
                TipChannel.API,
                TipRequests.attachments(photos));
    }

    private static ResponseEntity<TipCreated> created(TipReceipt receipt) {
        String url = "/api/v1/tips/" + receipt.code();
        return ResponseEntity.created(URI.create(url))
                .body(new TipCreated(
                        receipt.code(),
                        receipt.secret(),
                        receipt.receivedAt(),
                        receipt.attachmentsStored(),
                        receipt.attachmentsFailed(),
                        url));
    }

    private static TipStatusResponse response(ResidentTipView view) {
        return new TipStatusResponse(
                view.code(),
                view.status(),
                view.category(),
                view.receivedAt(),
                view.anonymous(),
                view.messages().stream()
                        .map(m -> new Message(m.fromPolice() ? "POLICE" : "RESIDENT", m.body(), m.at()))
                        .toList());
    }
}
