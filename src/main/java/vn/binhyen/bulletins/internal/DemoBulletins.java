package vn.binhyen.bulletins.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import vn.binhyen.bulletins.BulletinKind;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;

/**
 * A handful of published bulletins in the demo communes (one urgent alert, pinned), written before the demo's Zalo
 * pages exist, so they are on the portal only; new ones written in the console also go to the simulated phones.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty("binhyen.demo.enabled")
class DemoBulletins implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoBulletins.class);

    record Sample(BulletinKind kind, String title, String body, Duration age) {}

    static final List<Sample> SAMPLES = List.of(
            new Sample(
                    BulletinKind.URGENT,
                    "Cảnh báo: giả danh công an gọi điện đòi chuyển tiền",
                    "Mấy ngày qua có người gọi điện **xưng là công an**, nói người nghe liên quan vụ án và bắt chuyển"
                            + " tiền để \"xác minh\".\n\n- Công an không bao giờ yêu cầu chuyển tiền qua điện thoại.\n"
                            + "- Gác máy, không bấm vào đường dẫn lạ.\n- Báo ngay cho công an xã hoặc gọi 113.",
                    Duration.ofHours(5)),
            new Sample(
                    BulletinKind.CRIME_METHOD,
                    "Thủ đoạn lừa bán đất nền qua mạng",
                    "Kẻ gian đăng bán đất giá rẻ, đòi đặt cọc qua chuyển khoản rồi chặn liên lạc.\n\n"
                            + "Chỉ đặt cọc khi đã xem giấy tờ gốc tại văn phòng công chứng.",
                    Duration.ofDays(2)),
            new Sample(
                    BulletinKind.SECURITY,
                    "Tình hình an ninh trật tự tuần qua",
                    "Tuần qua công an xã tiếp nhận 6 tin báo: 2 vụ trộm xe máy, 1 vụ đánh nhau, 3 tin về tụ tập đua xe."
                            + " Đã tuần tra đêm tại các điểm nóng.\n\nBà con khoá xe, khoá cổng trước khi ngủ.",
                    Duration.ofDays(4)),
            new Sample(
                    BulletinKind.LEGAL,
                    "Từ 1/7: đăng ký thường trú qua ứng dụng VNeID",
                    "Bà con có thể nộp hồ sơ đăng ký thường trú, tạm trú trên ứng dụng **VNeID** mà không cần đến"
                            + " trụ sở. Cần hỗ trợ, đến công an xã trong giờ hành chính.",
                    Duration.ofDays(9)),
            new Sample(
                    BulletinKind.NOTICE,
                    "Lịch tiếp công dân tháng này",
                    "Trưởng công an xã tiếp công dân sáng thứ Năm hằng tuần, từ 7 giờ 30 đến 11 giờ.",
                    Duration.ofDays(12)));

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Clock clock;

    DemoBulletins(JdbcClient jdbc, Directory directory, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM bulletins.bulletins)")
                .query(Boolean.class)
                .single()) {
            return;
        }
        Instant now = clock.instant();
        int written = 0;
        for (var commune : directory.communesInService()) {
            var chief = directory.officersOf(commune.code()).stream()
                    .filter(o -> o.role() == OfficerRole.COMMUNE_CHIEF)
                    .findFirst()
                    .orElse(null);
            if (chief == null) {
                continue;
            }
            for (Sample sample : SAMPLES) {
                Instant at = now.minus(sample.age());
                long id = jdbc.sql("""
                                INSERT INTO bulletins.bulletins (kind, title, body, status, province_code,
                                    home_commune_code, author_id, author_name, approver_id, approver_name, decided_at,
                                    published_at, created_at, updated_at)
                                VALUES (?, ?, ?, 'PUBLISHED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                                """)
                        .params(
                                sample.kind().name(),
                                sample.title(),
                                sample.body(),
                                commune.provinceCode(),
                                commune.code(),
                                chief.id(),
                                chief.fullName(),
                                chief.id(),
                                chief.fullName(),
                                java.sql.Timestamp.from(at),
                                java.sql.Timestamp.from(at),
                                java.sql.Timestamp.from(at),
                                java.sql.Timestamp.from(at))
                        .query(Long.class)
                        .single();
                jdbc.sql("INSERT INTO bulletins.audience_communes (bulletin_id, commune_code) VALUES (?, ?)")
                        .params(id, commune.code())
                        .update();
                written++;
            }
        }
        log.info("Demo bulletins: {} published", written);
    }
}
