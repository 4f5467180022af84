package vn.binhyen.insights.internal;

import java.text.NumberFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** How figures read in Vietnamese, on pages and in exports: "1.234", "87,5%", "≤ 4 giờ". Pages call {@code @ifmt}. */
@Component("ifmt")
public class Formats {

    private static final Locale VI = Locale.forLanguageTag("vi");

    /**
     * One format of each kind per thread (NumberFormat is not thread-safe): making one parses its pattern, which was
     * a visible share of a dashboard with a hundred rows.
     */
    private static final ThreadLocal<NumberFormat> INTEGER =
            ThreadLocal.withInitial(() -> NumberFormat.getIntegerInstance(VI));

    private static final ThreadLocal<NumberFormat> DECIMAL = ThreadLocal.withInitial(() -> {
        var f = NumberFormat.getNumberInstance(VI);
        f.setMaximumFractionDigits(1);
        f.setMinimumFractionDigits(1);
        return f;
    });

    public String count(@Nullable Number n) {
        return n == null ? "—" : INTEGER.get().format(n);
    }

    public String decimal(@Nullable Number n) {
        return n == null ? "—" : DECIMAL.get().format(n);
    }

    public String percent(@Nullable Number n) {
        return n == null ? "—" : decimal(n) + "%";
    }

    /** A duration bucket bound in minutes (-1: beyond the last bound). */
    public String minutes(@Nullable Number bound) {
        if (bound == null) {
            return "—";
        }
        long m = bound.longValue();
        if (m < 0) {
            return "> " + (Buckets.MINUTES.getLast() / 1440) + " ngày";
        }
        if (m < 60) {
            return "≤ " + m + " phút";
        }
        if (m < 1440) {
            return "≤ " + (m / 60) + " giờ";
        }
        return "≤ " + (m / 1440) + " ngày";
    }

    /** A figure in its headline format. */
    public String value(@Nullable Number n, String format) {
        return switch (format) {
            case "percent" -> percent(n);
            case "minutes" -> minutes(n);
            default -> count(n);
        };
    }

    /** A change in percent with its sign, "+12,0%"; "—" when there is nothing to compare. */
    public String change(@Nullable Double change) {
        if (change == null) {
            return "—";
        }
        return (change > 0 ? "+" : change < 0 ? "−" : "±") + decimal(Math.abs(change)) + "%";
    }
}
