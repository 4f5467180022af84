package vn.binhyen.directory;

import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports the national list of provinces and communes (the format of {@code vn-units-2026-07-25.json}: an array of
 * provinces, each with its {@code Wards}). Idempotent: a second import of the same list changes nothing, a newer list
 * updates names and types in place. A broken file imports nothing and says what is wrong.
 */
@Service
public class UnitImporter {

    private static final Logger log = LoggerFactory.getLogger(UnitImporter.class);
    private static final Pattern PROVINCE_CODE = Pattern.compile("[0-9]{2}");
    private static final Pattern COMMUNE_CODE = Pattern.compile("[0-9]{5}");
    /** The reorganised units took effect on this day (Resolution 202/2025/QH15). */
    static final LocalDate REORGANISATION_DAY = LocalDate.of(2025, 7, 1);

    private static final String UPSERT_UNIT =
            """
            INSERT INTO directory.administrative_units
                (code, level, name, full_name, name_en, unit_type, province_code, valid_from, dataset_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, full_name = EXCLUDED.full_name,
                name_en = EXCLUDED.name_en, unit_type = EXCLUDED.unit_type, province_code = EXCLUDED.province_code,
                dataset_version = EXCLUDED.dataset_version
            """;

    private static final String POLICE_UNIT_FOR_EVERY_UNIT =
            """
            INSERT INTO directory.police_units (unit_code, level, name)
            SELECT a.code, a.level,
                   'Công an ' || a.full_name
              FROM directory.administrative_units a
             WHERE NOT EXISTS (SELECT 1 FROM directory.police_units u WHERE u.unit_code = a.code)
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json = JsonMapper.builder().build();

    UnitImporter(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Transactional
    public UnitImportResult importUnits(InputStream source, String datasetVersion) {
        long started = System.nanoTime();
        List<Object[]> rows = parse(source, datasetVersion);
        batch.batchUpdate(UPSERT_UNIT, rows);
        int created = jdbc.sql(POLICE_UNIT_FOR_EVERY_UNIT).update();
        int provinces = (int) rows.stream().filter(r -> "PROVINCE".equals(r[1])).count();
        var result = new UnitImportResult(
                provinces, rows.size() - provinces, created, Duration.ofNanos(System.nanoTime() - started));
        log.info(
                "Imported {} provinces and {} communes ({} new police units) in {} ms",
                result.provinces(),
                result.communes(),
                created,
                result.took().toMillis());
        return result;
    }

    private List<Object[]> parse(InputStream source, String datasetVersion) {
        JsonNode root;
        try {
            root = json.readTree(source);
        } catch (JacksonException e) {
            throw new UnitImportException(
                    "admin.units.error.json", e.getLocation() == null ? 0 : e.getLocation().getLineNr());
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new UnitImportException("admin.units.error.shape");
        }
        List<Object[]> rows = new ArrayList<>(4000);
        List<String> problems = new ArrayList<>();
        for (JsonNode province : root) {
            String provinceCode = text(province, "Code");
            if (!PROVINCE_CODE.matcher(provinceCode).matches()) {
                problems.add("'" + provinceCode + "'");
                continue;
            }
            rows.add(row(province, "PROVINCE", provinceCode, datasetVersion, problems));
            for (JsonNode commune : province.path("Wards")) {
                String code = text(commune, "Code");
                if (!COMMUNE_CODE.matcher(code).matches()) {
                    problems.add("'" + code + "' (" + provinceCode + ")");
                    continue;
                }
                rows.add(row(commune, "COMMUNE", provinceCode, datasetVersion, problems));
            }
        }
        if (!problems.isEmpty()) {
            throw new UnitImportException(
                    "admin.units.error.entries",
                    problems.size(),
                    String.join("; ", problems.subList(0, Math.min(3, problems.size()))));
        }
        return rows;
    }

    private static Object[] row(
            JsonNode unit, String level, String provinceCode, String datasetVersion, List<String> problems) {
        String code = text(unit, "Code");
        String name = text(unit, "Name");
        if (name.isBlank()) {
            problems.add("'" + code + "' ∅");
        }
        String fullName = text(unit, "FullName");
        return new Object[] {
            code,
            level,
            name,
            fullName.isBlank() ? name : fullName,
            text(unit, "NameEn"),
            text(unit, "AdministrativeUnitShortName"),
            provinceCode,
            java.sql.Date.valueOf(REORGANISATION_DAY),
            datasetVersion
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString().strip();
    }
}
