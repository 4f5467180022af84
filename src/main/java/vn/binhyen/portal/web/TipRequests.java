package vn.binhyen.portal.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;
import vn.binhyen.reports.NewAttachment;
import vn.binhyen.shared.VietnamTime;

/** Turns what a form or an API client sent into the pieces of a {@code NewTip}. */
final class TipRequests {

    private TipRequests() {}

    /** Empty files are what a browser sends for an untouched file input: they are not attachments. */
    static List<NewAttachment> attachments(@Nullable List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream()
                .filter(f -> f != null && !f.isEmpty())
                .map(f -> {
                    try {
                        return new NewAttachment(
                                f.getOriginalFilename() == null ? "anh" : f.getOriginalFilename(), f.getBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }

    /**
     * When a tip may say something happened: not after now (a few minutes of slack for a phone whose clock runs
     * ahead) and not before 1900. Older is a slip of the keyboard (a year of 0202), and PostgreSQL's timestamps end
     * before years like -5000 or +999999, which were a 500. The form and the API share this rule.
     */
    static final Instant EARLIEST_OCCURRED_AT =
            LocalDate.of(1900, 1, 1).atStartOfDay(VietnamTime.ZONE).toInstant();

    private static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

    /**
     * Local Vietnam time as typed in a form ({@code 2026-11-28T21:30}) or an ISO instant from the API, within
     * {@link #EARLIEST_OCCURRED_AT} and now.
     *
     * @throws OccurredAtRejectedException when it is neither, or outside those bounds
     */
    static @Nullable Instant occurredAt(@Nullable String text, Instant now) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant at = parse(text.strip());
        if (at.isAfter(now.plus(CLOCK_SLACK))) {
            throw new OccurredAtRejectedException("tip.occurredAt.future", false);
        }
        if (at.isBefore(EARLIEST_OCCURRED_AT)) {
            throw new OccurredAtRejectedException("tip.occurredAt.too-old", false);
        }
        return at;
    }

    private static Instant parse(String value) {
        try {
            if (value.endsWith("Z") || value.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return java.time.OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).atZone(VietnamTime.ZONE).toInstant();
        } catch (DateTimeException e) {
            throw new OccurredAtRejectedException("tip.occurredAt.invalid", true);
        }
    }

    /** The time a tip gives cannot be read, or lies outside the bounds; {@code messageKey} says which. */
    static final class OccurredAtRejectedException extends RuntimeException {

        private final String messageKey;
        private final boolean unreadable;

        OccurredAtRejectedException(String messageKey, boolean unreadable) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
            this.unreadable = unreadable;
        }

        String messageKey() {
            return messageKey;
        }

        /** Not a time at all (a malformed request), rather than a time outside the bounds. */
        boolean unreadable() {
            return unreadable;
        }
    }
}
