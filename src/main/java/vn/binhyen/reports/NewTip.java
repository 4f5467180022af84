package vn.binhyen.reports;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.binhyen.shared.text.TypedText;

/** A tip as any channel hands it in. Validation messages are keys in messages_vi.properties. */
public record NewTip(
        @NotBlank(message = "{tip.commune.required}") @Pattern(regexp = "[0-9]{5}", message = "{tip.commune.invalid}")
        String communeCode,

        @Nullable Long villageId,
        @NotNull(message = "{tip.category.required}") TipCategory category,

        @NotBlank(message = "{tip.description.required}")
        @Size(min = 10, max = 5000, message = "{tip.description.size}")
        String description,

        @Nullable Instant occurredAt,

        @Nullable @Size(max = 300, message = "{tip.place.size}")
        String place,

        @Nullable
        @DecimalMin(value = "-90", message = "{tip.location.invalid}")
        @DecimalMax(value = "90", message = "{tip.location.invalid}")
        Double latitude,

        @Nullable
        @DecimalMin(value = "-180", message = "{tip.location.invalid}")
        @DecimalMax(value = "180", message = "{tip.location.invalid}")
        Double longitude,

        boolean urgent,
        @Nullable @Valid ReporterIdentity reporter,
        @NotNull TipChannel channel,
        List<NewAttachment> attachments) {

    /** The texts are checked and kept as {@link TypedText#normalized} makes them, so their limits count what is kept. */
    public NewTip {
        description = TypedText.normalized(description);
        place = TypedText.normalized(place);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public boolean anonymous() {
        return reporter == null || reporter.isEmpty();
    }
}
