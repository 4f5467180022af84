package vn.binhyen.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

/** The national list from ../shared/data/vn-units (34 provinces, 3,321 communes), imported fast and idempotently. */
@ApplicationModuleTest
class UnitImporterTests {

    static final Path NATIONAL_LIST = Path.of("../shared/data/vn-units/vn-units-2026-07-25.json");

    @Autowired UnitImporter importer;
    @Autowired JdbcClient jdbc;
    @Autowired Directory directory;

    @Test
    void importsTheWholeCountryInUnderTenSecondsAndAgainWithoutDuplicates() throws IOException {
        UnitImportResult first = importFile();
        assertThat(first.provinces()).isEqualTo(34);
        assertThat(first.communes()).isEqualTo(3321);
        assertThat(first.took()).isLessThan(Duration.ofSeconds(10));
        assertThat(count("PROVINCE")).isEqualTo(34);
        assertThat(count("COMMUNE")).isEqualTo(3321);
        assertThat(jdbc.sql("SELECT count(*) FROM directory.police_units").query(Long.class).single())
                .isEqualTo(34 + 3321);

        UnitImportResult second = importFile();
        assertThat(second.policeUnitsCreated()).isZero();
        assertThat(count("PROVINCE")).isEqualTo(34);
        assertThat(count("COMMUNE")).isEqualTo(3321);

        var ward = directory.commune("24133").orElseThrow();
        assertThat(ward.fullName()).isEqualTo("Phường Buôn Ma Thuột");
        assertThat(ward.provinceName()).isEqualTo("Đắk Lắk");
        assertThat(ward.policeUnitName()).isEqualTo("Công an Phường Buôn Ma Thuột");
        assertThat(directory.commune("00004").orElseThrow().provinceCode()).isEqualTo("01");
        assertThat(directory.communeCodesOf("66")).hasSize(102);
    }

    @Test
    void aBrokenFileImportsNothingAndSaysWhy() {
        long before = count("COMMUNE");
        assertThatThrownBy(() -> importer.importUnits(stream("[{\"Code\": \"01\", "), "broken"))
                .isInstanceOf(UnitImportException.class)
                .extracting(e -> ((UnitImportException) e).messageKey())
                .isEqualTo("admin.units.error.json");
        assertThatThrownBy(() -> importer.importUnits(stream("{}"), "object"))
                .extracting(e -> ((UnitImportException) e).messageKey())
                .isEqualTo("admin.units.error.shape");
        String badCode = "[{\"Code\":\"77\",\"Name\":\"Thử\",\"Wards\":[{\"Code\":\"123\",\"Name\":\"Sai\"},"
                + "{\"Code\":\"77001\",\"Name\":\"Đúng\"}]}]";
        assertThatThrownBy(() -> importer.importUnits(stream(badCode), "bad-code"))
                .extracting(e -> ((UnitImportException) e).messageKey())
                .isEqualTo("admin.units.error.entries");
        assertThat(count("COMMUNE")).isEqualTo(before);
        assertThat(directory.commune("77001")).isEmpty();
    }

    private UnitImportResult importFile() throws IOException {
        try (InputStream in = Files.newInputStream(NATIONAL_LIST)) {
            return importer.importUnits(in, NATIONAL_LIST.getFileName().toString());
        }
    }

    private long count(String level) {
        return jdbc.sql("SELECT count(*) FROM directory.administrative_units WHERE level = ?")
                .param(level)
                .query(Long.class)
                .single();
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
