package vn.binhyen.support;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.accounts.SignedInOfficers;
import vn.binhyen.directory.Directory;

/**
 * A small commune of our own for a test: its own code (so tests sharing a database never see each other's tips),
 * two villages, a chief, a staff officer and one area officer per village, each with a sign-in.
 */
public final class Fixtures {

    public static final String PASSWORD = "Test@2026";
    private static final String HASH =
            PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);

    public record TestCommune(
            String provinceCode,
            String code,
            long villageA,
            long villageB,
            long chief,
            long staff,
            long officerA,
            long officerB,
            String chiefLogin,
            String officerALogin,
            String officerBLogin) {}

    private Fixtures() {}

    public static TestCommune commune(JdbcClient jdbc) {
        String province = "9" + ThreadLocalRandom.current().nextInt(10);
        jdbc.sql("""
                        INSERT INTO directory.administrative_units (code, level, name, full_name, unit_type, province_code,
                            valid_from, dataset_version)
                        VALUES (?, 'PROVINCE', 'Tỉnh thử', 'Tỉnh thử ' || ?, 'Tỉnh', ?, DATE '2025-07-01', 'test')
                        ON CONFLICT (code) DO NOTHING
                        """).params(province, province, province).update();
        String code;
        do {
            code = "%05d".formatted(ThreadLocalRandom.current().nextInt(90000, 100000));
        } while (jdbc.sql("SELECT EXISTS (SELECT 1 FROM directory.administrative_units WHERE code = ?)")
                .param(code)
                .query(Boolean.class)
                .single());
        jdbc.sql("""
                        INSERT INTO directory.administrative_units (code, level, name, full_name, unit_type, province_code,
                            valid_from, dataset_version)
                        VALUES (?, 'COMMUNE', 'Thử ' || ?, 'Xã Thử ' || ?, 'Xã', ?, DATE '2025-07-01', 'test')
                        """).params(code, code, code, province).update();
        long unit = id(
                jdbc,
                "INSERT INTO directory.police_units (unit_code, level, name, phone) VALUES (?, 'COMMUNE', ?, '0262 000 113') RETURNING id",
                code,
                "Công an xã Thử " + code);
        long villageA = id(
                jdbc,
                "INSERT INTO directory.villages (commune_code, name, kind) VALUES (?, 'Thôn A', 'VILLAGE') RETURNING id",
                code);
        long villageB = id(
                jdbc,
                "INSERT INTO directory.villages (commune_code, name, kind) VALUES (?, 'Thôn B', 'VILLAGE') RETURNING id",
                code);
        long chief = officer(jdbc, unit, "Trưởng " + code, "COMMUNE_CHIEF");
        long staff = officer(jdbc, unit, "Cán bộ " + code, "COMMUNE_STAFF");
        long officerA = officer(jdbc, unit, "Khu vực A " + code, "AREA_OFFICER");
        long officerB = officer(jdbc, unit, "Khu vực B " + code, "AREA_OFFICER");
        jdbc.sql("INSERT INTO directory.jurisdictions (officer_id, village_id) VALUES (?, ?), (?, ?)")
                .params(officerA, villageA, officerB, villageB)
                .update();
        login(jdbc, "chief" + code, chief);
        login(jdbc, "staff" + code, staff);
        login(jdbc, "ksva" + code, officerA);
        login(jdbc, "ksvb" + code, officerB);
        return new TestCommune(
                province,
                code,
                villageA,
                villageB,
                chief,
                staff,
                officerA,
                officerB,
                "chief" + code,
                "ksva" + code,
                "ksvb" + code);
    }

    /** An administrator in the commune's police unit (administrators manage accounts and the unit lists). */
    public static long administrator(JdbcClient jdbc, TestCommune commune) {
        return jdbc.sql("""
                        INSERT INTO directory.officers (police_unit_id, full_name, role)
                        SELECT id, 'Quản trị ' || unit_code, 'ADMINISTRATOR' FROM directory.police_units
                         WHERE unit_code = ? RETURNING id
                        """).param(commune.code()).query(Long.class).single();
    }

    /** Signs in through the real login form (no session kept); true when it let the officer in. */
    public static boolean signsIn(
            org.springframework.test.web.servlet.assertj.MockMvcTester mvc, String username, String password) {
        String location = mvc.post()
                .uri("/login")
                .param("username", username)
                .param("password", password)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .exchange()
                .getMvcResult()
                .getResponse()
                .getRedirectedUrl();
        return location != null && !location.contains("error");
    }

    /** The principal a signed-in officer has, for MockMvc's {@code user(...)}. */
    public static SignedInOfficer signedIn(Directory directory, String username, long officerId) {
        return SignedInOfficers.of(username, HASH, directory.officer(officerId).orElseThrow(), true);
    }

    private static long officer(JdbcClient jdbc, long unit, String name, String role) {
        return id(
                jdbc,
                "INSERT INTO directory.officers (police_unit_id, full_name, role) VALUES (?, ?, ?) RETURNING id",
                unit,
                name,
                role);
    }

    private static void login(JdbcClient jdbc, String username, long officerId) {
        jdbc.sql("INSERT INTO accounts.officer_logins (username, officer_id, password_hash) VALUES (?, ?, ?)")
                .params(username, officerId, HASH)
                .update();
    }

    private static long id(JdbcClient jdbc, String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
