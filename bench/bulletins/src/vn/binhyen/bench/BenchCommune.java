package vn.binhyen.bench;

import java.time.Duration;
import java.time.Instant;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.accounts.SignedInOfficers;
import vn.binhyen.directory.Directory;
import vn.binhyen.zalosim.internal.SimZalo;

/**
 * The benchmarks' commune: Phường Buôn Ma Thuột with its chief and a page connected to the simulator (over the real
 * OAuth dance), and {@code followers} followers seeded straight into {@code zalo.followers}, following and inside the
 * window.
 */
record BenchCommune(String oaId, SignedInOfficer chief, Duration seeding) {

    static final String COMMUNE = "24133";

    static BenchCommune open(ConfigurableApplicationContext app, int followers) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        Directory directory = app.getBean(Directory.class);
        SimZalo sim = app.getBean(SimZalo.class);
        jdbc.sql("""
                        INSERT INTO directory.administrative_units (code, level, name, full_name, unit_type,
                            province_code, valid_from, dataset_version)
                        VALUES ('66', 'PROVINCE', 'Đắk Lắk', 'Tỉnh Đắk Lắk', 'Tỉnh', '66', DATE '2025-07-01', 'b'),
                               ('24133', 'COMMUNE', 'Buôn Ma Thuột', 'Phường Buôn Ma Thuột', 'Phường', '66',
                                DATE '2025-07-01', 'b')
                        ON CONFLICT (code) DO NOTHING
                        """).update();
        long unit = jdbc.sql("INSERT INTO directory.police_units (unit_code, level, name) VALUES ('24133',"
                        + " 'COMMUNE', 'Công an phường Buôn Ma Thuột') RETURNING id")
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO directory.villages (commune_code, name, kind) VALUES ('24133', 'Tổ dân phố 1',"
                        + " 'RESIDENTIAL_GROUP')")
                .update();
        long chief = jdbc.sql("INSERT INTO directory.officers (police_unit_id, full_name, role) VALUES (?,"
                        + " 'Trưởng công an phường', 'COMMUNE_CHIEF') RETURNING id")
                .param(unit)
                .query(Long.class)
                .single();
        var oa = sim.openAndBind(COMMUNE, "Công an phường Buôn Ma Thuột");
        sim.connect(oa.oaId());

        Instant t0 = Instant.now();
        jdbc.sql("""
                        INSERT INTO zalo.followers (oa_id, user_id, following, last_event_at, last_interaction_at)
                        SELECT ?, (6100000000000000000 + g)::TEXT, TRUE, now(), now()
                          FROM generate_series(1, ?) AS g
                        """).params(oa.oaId(), followers).update();
        jdbc.sql("ANALYZE zalo.followers").update();
        Duration seeding = Duration.between(t0, Instant.now());
        System.out.printf("seeded %,d followers in %s%n", followers, seeding);
        var officer = SignedInOfficers.of("bench-chief", "x", directory.officer(chief).orElseThrow(), true);
        return new BenchCommune(oa.oaId(), officer, seeding);
    }
}
