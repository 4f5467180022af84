package vn.binhyen.zalo;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;
import vn.binhyen.shared.VietnamTime;

/**
 * Hours in which Zalo refuses promotional sends ({@code -234}, 22:00–06:00 Vietnam time). A window may span
 * midnight; an empty specification means no quiet hours.
 */
public record QuietHours(
        @Nullable LocalTime start, @Nullable LocalTime end) {

    public static final QuietHours NONE = new QuietHours(null, null);

    /** "22:00-06:00"; empty or blank for none. */
    public static QuietHours parse(String spec) {
        if (spec.isBlank()) {
            return NONE;
        }
        String[] parts = spec.strip().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("Quiet hours must look like 22:00-06:00: " + spec);
        }
        return new QuietHours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
    }

    public boolean contains(Instant at) {
        if (start == null || end == null || start.equals(end)) {
            return false;
        }
        LocalTime time = at.atZone(VietnamTime.ZONE).toLocalTime();
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** {@code at} itself outside the quiet hours, otherwise the moment they end. */
    public Instant nextAllowed(Instant at) {
        if (!contains(at) || end == null) {
            return at;
        }
        ZonedDateTime local = at.atZone(VietnamTime.ZONE);
        ZonedDateTime endToday = local.toLocalDate().atTime(end).atZone(VietnamTime.ZONE);
        return (endToday.isAfter(local) ? endToday : endToday.plusDays(1)).toInstant();
    }
}
