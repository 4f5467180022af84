package vn.binhyen.shared.web;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.binhyen.shared.VietnamTime;

/** How pages show times and durations, in Vietnam time. Templates call it as {@code ${@fmt.dateTime(x)}}. */
@Component("fmt")
public class DisplayFormats {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(VietnamTime.ZONE);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("HH:mm dd/MM").withZone(VietnamTime.ZONE);

    public String dateTime(@Nullable Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    public String shortDateTime(@Nullable Instant instant) {
        return instant == null ? "" : SHORT.format(instant);
    }

    /** "2 giờ 5 phút", "3 ngày 4 giờ": officers read durations, not seconds. */
    public String duration(@Nullable Duration duration) {
        if (duration == null) {
            return "";
        }
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 60) {
            return minutes + " phút";
        }
        if (minutes < 24 * 60) {
            return (minutes / 60) + " giờ " + (minutes % 60) + " phút";
        }
        return (minutes / (24 * 60)) + " ngày " + ((minutes / 60) % 24) + " giờ";
    }
}
