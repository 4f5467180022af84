package vn.binhyen.reports;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Who sent a tip, when they chose to say. Sealed before it is stored, apart from the tip; {@link #toString()} never
 * shows it.
 */
public record ReporterIdentity(
        @Nullable @Size(max = 200, message = "{tip.reporter.size}")
        String fullName,

        @Nullable @Size(max = 40, message = "{tip.reporter.size}")
        String phone,

        @Nullable @Size(max = 300, message = "{tip.reporter.size}")
        String address,

        @Nullable @Size(max = 64, message = "{tip.reporter.size}")
        String zaloUserId,

        @Nullable @Pattern(regexp = "[0-9]{9,12}", message = "{tip.reporter.id-number}")
        String idNumber) {

    public ReporterIdentity(@Nullable String fullName, @Nullable String phone) {
        this(fullName, phone, null, null, null);
    }

    public boolean isEmpty() {
        return blank(fullName) && blank(phone) && blank(address) && blank(zaloUserId) && blank(idNumber);
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "ReporterIdentity[protected]";
    }
}
