package vn.binhyen.directory.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo province: Đắk Lắk (66) with six of its real communes and wards under their real codes, and villages,
 * officers and community groups we made up. Runs once; a restart finds the data under ./data and leaves it alone.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("binhyen.demo.enabled")
class DemoDirectory implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDirectory.class);

    record DemoCommune(String code, String name, String type, boolean remote, String phone, double lat, double lon,
            List<String> villages) {}

    static final List<DemoCommune> COMMUNES = List.of(
            new DemoCommune("24133", "Buôn Ma Thuột", "Phường", false, "0262 3852 113", 12.6797, 108.0447,
                    List.of("Tổ dân phố 1", "Tổ dân phố 2", "Tổ dân phố 3", "Tổ dân phố 4", "Tổ dân phố 5", "Buôn Ako Dhông")),
            new DemoCommune("24121", "Tân Lập", "Phường", false, "0262 3877 113", 12.6906, 108.0559,
                    List.of("Tổ dân phố 1", "Tổ dân phố 2", "Tổ dân phố 3", "Tổ dân phố 4", "Tổ dân phố 5")),
            new DemoCommune("24163", "Tân An", "Phường", false, "0262 3865 113", 12.7072, 108.0716,
                    List.of("Tổ dân phố 1", "Tổ dân phố 2", "Tổ dân phố 3", "Tổ dân phố 4")),
            new DemoCommune("24169", "Ea Kao", "Phường", false, "0262 3823 113", 12.6266, 108.0930,
                    List.of("Buôn Kô Tam", "Buôn Ea Kao", "Thôn 1", "Thôn 2", "Thôn 3", "Thôn 4", "Thôn 5")),
            new DemoCommune("24310", "Krông Búk", "Xã", false, "0262 3573 113", 12.8906, 108.2408,
                    List.of("Thôn 1", "Thôn 2", "Thôn 3", "Thôn 4", "Buôn Ea Nho", "Thôn Hồ Hạ")),
            new DemoCommune("24184", "Ea H'Leo", "Xã", true, "0262 3777 113", 13.2306, 108.2044,
                    List.of("Thôn 1", "Thôn 2", "Buôn Sứt", "Buôn Dliê Ya", "Thôn 6", "Thôn 9", "Thôn 11", "Buôn Tùng")));

    private static final String[] SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Y", "H'"};
    private static final String[] GIVEN = {
        "Văn Hùng", "Thị Lan", "Minh Tuấn", "Quốc Bảo", "Đức Anh", "Thanh Sơn", "Văn Nam", "Hữu Phước", "Ngọc Hải",
        "Công Danh", "Anh Khoa", "Văn Long", "Đình Trọng", "Quang Vinh", "Thị Hoa", "Văn Tài"
    };

    private final JdbcClient jdbc;

    DemoDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean seeded = jdbc.sql("SELECT EXISTS (SELECT 1 FROM directory.villages WHERE commune_code = '24133')")
                .query(Boolean.class)
                .single();
        if (seeded) {
            return;
        }
        upsertUnit("66", "PROVINCE", "Đắk Lắk", "Tỉnh Đắk Lắk", "Tỉnh", false);
        long province = policeUnit("66", "PROVINCE", "Công an tỉnh Đắk Lắk", "Số 2 Y Ngông, Buôn Ma Thuột", "069 2679 113");
        officer(province, "Đại tá Lê Văn Tuyến", "Đại tá", "PROVINCE_COMMAND", "0900 000 066");
        officer(province, "Trung tá Phạm Quang Huy", "Trung tá", "ADMINISTRATOR", null);
        int person = 0;
        for (DemoCommune c : COMMUNES) {
            upsertUnit(c.code(), "COMMUNE", c.name(), c.type() + " " + c.name(), c.type(), c.remote());
            long unit = policeUnit(c.code(), "COMMUNE", "Công an " + c.type().toLowerCase() + " " + c.name(),
                    "Trụ sở công an " + c.type().toLowerCase() + " " + c.name() + ", tỉnh Đắk Lắk", c.phone());
            jdbc.sql("UPDATE directory.police_units SET zalo_page = ? WHERE id = ?")
                    .params("https://zalo.me/ca" + c.code(), unit)
                    .update();
            officer(unit, "Thiếu tá " + name(person++), "Thiếu tá", "COMMUNE_CHIEF", c.phone());
            officer(unit, "Thượng úy " + name(person++), "Thượng úy", "COMMUNE_STAFF", null);
            int areaOfficers = c.villages().size() > 5 ? 3 : 2;
            long[] officers = new long[areaOfficers];
            for (int i = 0; i < areaOfficers; i++) {
                officers[i] = officer(unit, "Trung úy " + name(person++), "Trung úy", "AREA_OFFICER", null);
            }
            for (int v = 0; v < c.villages().size(); v++) {
                String villageName = c.villages().get(v);
                long village = jdbc.sql(
                                """
                                INSERT INTO directory.villages (commune_code, name, kind, population, latitude, longitude)
                                VALUES (?, ?, ?, ?, ?, ?) RETURNING id
                                """)
                        .params(c.code(), villageName,
                                villageName.startsWith("Tổ") ? "RESIDENTIAL_GROUP" : "VILLAGE",
                                900 + (v * 137) % 1600,
                                c.lat() + (v % 3 - 1) * 0.006, c.lon() + (v / 3 - 1) * 0.006)
                        .query(Long.class)
                        .single();
                long areaOfficer = officers[v % areaOfficers];
                jdbc.sql("INSERT INTO directory.jurisdictions (officer_id, village_id) VALUES (?, ?)")
                        .params(areaOfficer, village)
                        .update();
                jdbc.sql(
                                """
                                INSERT INTO directory.community_groups (village_id, officer_id, name, zalo_link, member_count)
                                VALUES (?, ?, ?, ?, ?)
                                """)
                        .params(village, areaOfficer, "An ninh " + villageName + " — " + c.name(),
                                "https://zalo.me/g/demo" + c.code() + v, 120 + (v * 53) % 380)
                        .update();
            }
        }
        log.info("Demo province Đắk Lắk (66) seeded: {} communes", COMMUNES.size());
    }

    private static String name(int index) {
        return SURNAMES[index % SURNAMES.length] + " " + GIVEN[(index * 7) % GIVEN.length];
    }

    private void upsertUnit(String code, String level, String name, String fullName, String type, boolean remote) {
        jdbc.sql(
                        """
                        INSERT INTO directory.administrative_units
                            (code, level, name, full_name, unit_type, province_code, remote, valid_from, dataset_version)
                        VALUES (?, ?, ?, ?, ?, '66', ?, DATE '2025-07-01', 'demo')
                        ON CONFLICT (code) DO UPDATE SET remote = EXCLUDED.remote
                        """)
                .params(code, level, name, fullName, type, remote)
                .update();
    }

    private long policeUnit(String code, String level, String name, String address, String phone) {
        return jdbc.sql(
                        """
                        INSERT INTO directory.police_units (unit_code, level, name, address, phone)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (unit_code) DO UPDATE SET address = EXCLUDED.address, phone = EXCLUDED.phone
                        RETURNING id
                        """)
                .params(code, level, name, address, phone)
                .query(Long.class)
                .single();
    }

    private long officer(long unit, String fullName, String rank, String role, String phone) {
        return jdbc.sql(
                        """
                        INSERT INTO directory.officers (police_unit_id, full_name, rank, role, phone)
                        VALUES (?, ?, ?, ?, ?) RETURNING id
                        """)
                .params(unit, fullName, rank, role, phone)
                .query(Long.class)
                .single();
    }
}
