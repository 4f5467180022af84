package vn.binhyen.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.directory.CommuneSetup.VillageDetails;
import vn.binhyen.directory.VillageImportException.LineFault;
import vn.binhyen.directory.VillageView.VillageKind;
import vn.binhyen.shared.text.VietnameseText;

/**
 * The villages and residential groups of many communes at once, from the CSV a province keeps in a spreadsheet:
 * columns {@code ma_xa, ten, loai} ({@code thon} or {@code to_dan_pho}) and optionally {@code dan_so, vi_do, kinh_do}.
 * All or nothing: every line is checked first, and a file with any fault changes nothing and names each faulty line.
 * Names already present in their commune are left as they are, so importing the same file again adds nothing.
 */
@Service
public class VillageImporter {

    /** What an import did. */
    public record Result(int lines, int added, int alreadyPresent) {}

    public static final int MAX_LINES = 50_000;
    public static final int FAULTS_KEPT = 20;
    private static final List<String> REQUIRED = List.of("ma_xa", "ten", "loai");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    VillageImporter(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    public Result importCsv(InputStream in, String fileName, String byUsername, long byOfficerId) {
        record Line(long number, String commune, VillageDetails village) {}
        Set<String> communes =
                Set.copyOf(jdbc.sql("SELECT code FROM directory.administrative_units WHERE level = 'COMMUNE'")
                        .query(String.class)
                        .list());
        List<Line> lines = new ArrayList<>();
        List<LineFault> faults = new ArrayList<>();
        int faultCount = 0;
        Map<String, Long> seen = new HashMap<>();
        try (CSVParser csv = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setIgnoreHeaderCase(true)
                .setTrim(true)
                .get()
                .parse(utf8WithoutBom(in))) {
            Set<String> header = new HashSet<>(
                    csv.getHeaderNames().stream().map(String::toLowerCase).toList());
            if (!header.containsAll(REQUIRED)) {
                throw new VillageImportException("import.villages.error.header", "Columns missing", List.of(), 0);
            }
            for (CSVRecord record : csv) {
                long number = record.getRecordNumber() + 1;
                if (number > MAX_LINES + 1) {
                    throw new VillageImportException(
                            "import.villages.error.too-long", "Too many lines", List.of(), 0, MAX_LINES);
                }
                LineFault fault;
                try {
                    String commune = value(record, "ma_xa");
                    if (commune == null || !communes.contains(commune)) {
                        throw new DirectoryChangeException(
                                "ma_xa",
                                "import.villages.error.commune",
                                "Unknown commune",
                                commune == null ? "" : commune);
                    }
                    VillageDetails village = CommuneSetup.checked(new VillageDetails(
                            value(record, "ten") == null ? "" : value(record, "ten"),
                            kind(value(record, "loai")),
                            // "1.250" or "1,250" people; "12,68" or "12.68" degrees, as spreadsheets write them.
                            number(record, "dan_so", n -> Integer.valueOf(n.replaceAll("[.,\\s]", ""))),
                            number(record, "vi_do", n -> Double.valueOf(n.replace(',', '.'))),
                            number(record, "kinh_do", n -> Double.valueOf(n.replace(',', '.')))));
                    Long first = seen.putIfAbsent(commune + "\u0000" + VietnameseText.fold(village.name()), number);
                    if (first != null) {
                        throw new DirectoryChangeException("ten", "import.villages.error.repeated", "Repeated", first);
                    }
                    lines.add(new Line(number, commune, village));
                    continue;
                } catch (DirectoryChangeException e) {
                    fault = new LineFault(number, e.messageKey(), e.getArguments());
                } catch (NumberFormatException e) {
                    fault = new LineFault(number, "import.villages.error.number", new Object[0]);
                }
                faultCount++;
                if (faults.size() < FAULTS_KEPT) {
                    faults.add(fault);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            boolean encoding =
                    e instanceof CharacterCodingException || e.getCause() instanceof CharacterCodingException;
            throw new VillageImportException(
                    encoding ? "import.villages.error.encoding" : "import.villages.error.csv",
                    "Unreadable CSV: " + e.getMessage(),
                    List.of(),
                    0);
        }
        if (faultCount > 0) {
            throw new VillageImportException(
                    "import.villages.error.lines", faultCount + " faulty lines", faults, faultCount, faultCount);
        }
        if (lines.isEmpty()) {
            throw new VillageImportException("import.villages.error.empty", "No lines", List.of(), 0);
        }
        int added = 0;
        for (Line line : lines) {
            VillageDetails v = line.village();
            added += jdbc.sql("""
                            INSERT INTO directory.villages (commune_code, name, kind, population, latitude, longitude)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (commune_code, name) DO NOTHING
                            """)
                    .params(line.commune(), v.name(), v.kind().name(), v.population(), v.latitude(), v.longitude())
                    .update();
        }
        var result = new Result(lines.size(), added, lines.size() - added);
        events.publishEvent(new DirectoryChanged(
                byUsername,
                byOfficerId,
                "villages",
                "imported %s: %d lines, %d added, %d already present"
                        .formatted(fileName, result.lines(), result.added(), result.alreadyPresent())));
        return result;
    }

    /** UTF-8 only, refused rather than guessed; Excel's byte-order mark is skipped. */
    private static Reader utf8WithoutBom(InputStream in) throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        PushbackReader reader = new PushbackReader(new InputStreamReader(in, decoder), 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    private static @Nullable String value(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value.isBlank() ? null : value.strip();
    }

    private static <T> @Nullable T number(
            CSVRecord record, String column, java.util.function.Function<String, T> parse) {
        String value = value(record, column);
        return value == null ? null : parse.apply(value);
    }

    /** "thôn", "thon", "buôn", "village" → a village; "tổ dân phố", "to_dan_pho", "tdp" → a residential group. */
    private static @Nullable VillageKind kind(@Nullable String typed) {
        if (typed == null) {
            return null;
        }
        String folded = VietnameseText.fold(typed).replace('_', ' ').strip();
        return switch (folded) {
            case "thon", "buon", "ban", "ap", "village" -> VillageKind.VILLAGE;
            case "to dan pho", "tdp", "khu pho", "residential group" -> VillageKind.RESIDENTIAL_GROUP;
            default -> null;
        };
    }
}
