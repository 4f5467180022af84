package vn.binhyen.portal.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
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
     * Local Vietnam time as typed in a form ({@code 2026-11-28T21:30}) or an ISO instant from the API.
     *
     * @throws DateTimeParseException when it is neither
     */
    static @Nullable Instant occurredAt(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.endsWith("Z") || value.matches(".*[+-]\\d{2}:\\d{2}$")) {
            return java.time.OffsetDateTime.parse(value).toInstant();
        }
        return LocalDateTime.parse(value).atZone(VietnamTime.ZONE).toInstant();
    }
}
