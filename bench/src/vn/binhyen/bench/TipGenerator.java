package vn.binhyen.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import vn.binhyen.reports.internal.TipCodes;
import vn.binhyen.reports.internal.TipSearchText;

/**
 * Fills {@code reports.tips} with generated tips over the demo communes and villages that the app seeded: a year of
 * them, in realistic Vietnamese, older ones mostly closed, about one in ten urgent. Rows go in with one COPY; the
 * folded {@code search_text} is made by the app's own {@link TipSearchText#of}, so a search typed without diacritics
 * finds them exactly as it finds tips that came in through the portal.
 *
 * <p>Every tip also gets its register line and its docket, as the register gives every real one: the inbox page counts
 * the overdue ones, and without dockets that count ran over an almost empty table and hid a query that read every
 * docket (1.1 s a page); the register page, not measured here, read every line of the ward (1.2 s).
 */
final class TipGenerator {

    private record Sample(String category, String text) {}

    private record Village(long id, String communeCode, String name, double lat, double lon, long areaOfficer) {}

    private record Commune(String code, String provinceCode, int weight, List<Village> villages, long chief,
            List<Long> staff, List<Long> areaOfficers) {}

    private static final List<Sample> SAMPLES = List.of(
            new Sample("ILLEGAL_RACING", "Tối nào cũng có khoảng 20 thanh niên tụ tập đua xe, bốc đầu, nẹt pô từ 23 giờ đến 1 giờ sáng."),
            new Sample("ILLEGAL_RACING", "Nhóm thanh niên rủ nhau qua mạng xã hội đi đua xe tối thứ bảy, tập trung ở bờ hồ."),
            new Sample("ILLEGAL_RACING", "Có nhóm chạy xe máy lạng lách, đua xe trên tỉnh lộ, nhiều người đi đường suýt bị tông."),
            new Sample("ILLEGAL_RACING", "Xe độ pô nổ rất to chạy đi chạy lại quanh chợ, nghi chuẩn bị đua xe."),
            new Sample("FIGHT_OR_DISORDER", "Nhóm thanh niên hẹn nhau để đánh nhau tối nay, có người mang theo dao, mã tấu."),
            new Sample("FIGHT_OR_DISORDER", "Hai nhóm cãi nhau ở quán nhậu, có dấu hiệu sắp ẩu đả, chủ quán không can được."),
            new Sample("FIGHT_OR_DISORDER", "Người say rượu đập phá đồ đạc, chửi bới hàng xóm, gây mất trật tự cả xóm."),
            new Sample("FIGHT_OR_DISORDER", "Đám cưới xong có nhóm thanh niên gây gổ, ném chai lọ vào nhau."),
            new Sample("THEFT", "Nhà tôi bị mất xe máy Honda Wave màu đỏ để trước sân lúc rạng sáng."),
            new Sample("THEFT", "Trộm cắt khoá vào kho lấy 5 bao cà phê nhân trong đêm qua."),
            new Sample("THEFT", "Bị giật điện thoại khi đang đứng chờ đèn đỏ, hai đối tượng đi xe Exciter không biển số."),
            new Sample("THEFT", "Mất trộm máy bơm nước và dây điện ngoài rẫy tiêu, đây là lần thứ ba trong tháng."),
            new Sample("THEFT", "Trộm bẻ khoá xe đạp điện của học sinh để trước cổng trường."),
            new Sample("FRAUD", "Có người gọi điện xưng là công an, yêu cầu mẹ tôi chuyển tiền để xác minh tài khoản."),
            new Sample("FRAUD", "Tài khoản Zalo của em gái tôi bị chiếm, đang nhắn tin mượn tiền người quen."),
            new Sample("FRAUD", "Nhóm người đến thôn giới thiệu bán thuốc chữa bách bệnh, thu tiền rồi bỏ đi."),
            new Sample("FRAUD", "Tin nhắn báo trúng thưởng, yêu cầu nộp phí nhận quà qua đường link lạ."),
            new Sample("DRUGS", "Thấy nhiều người lạ ra vào một căn nhà vào ban đêm, nghi sử dụng ma tuý, có mùi lạ."),
            new Sample("DRUGS", "Có thanh niên bán bóng cười và thuốc lắc ở quán bar, khách đông sau nửa đêm."),
            new Sample("DRUGS", "Phát hiện kim tiêm vứt ở bãi đất trống gần trường tiểu học."),
            new Sample("GAMBLING", "Có tụ điểm đánh bạc, ghi lô đề ở quán nước đầu thôn, chiều nào cũng đông người."),
            new Sample("GAMBLING", "Nhóm người tụ tập đá gà ăn tiền trong rẫy cà phê vào sáng chủ nhật."),
            new Sample("GAMBLING", "Có người tổ chức đánh bài ăn tiền trong nhà, canh gác ở đầu hẻm."),
            new Sample("SUSPICIOUS_PERSON", "Hai người đi xe không biển số chạy chậm quanh khu dân cư, nhìn vào các nhà có để xe ngoài sân."),
            new Sample("SUSPICIOUS_PERSON", "Người lạ đi hỏi mua chó, ghi chép các nhà có nuôi chó trong thôn."),
            new Sample("SUSPICIOUS_PERSON", "Xe ô tô bảy chỗ đậu nhiều giờ trước cổng trường, người trong xe quan sát học sinh."),
            new Sample("TRAFFIC", "Xe tải chở đất làm rơi vãi ra đường, trời mưa rất trơn, đã có người té ngã."),
            new Sample("TRAFFIC", "Ổ gà lớn giữa đường không có biển báo, ban đêm xe máy liên tục sụp ổ gà."),
            new Sample("TRAFFIC", "Học sinh chở ba, không đội mũ bảo hiểm, chạy hàng hai hàng ba giờ tan trường."),
            new Sample("TRAFFIC", "Xe khách dừng đón trả khách giữa đường, gây ùn tắc kéo dài."),
            new Sample("WEAPONS", "Nghe nói có người trong thôn tự chế súng bắn đạn bi, hay mang ra rẫy bắn chim."),
            new Sample("WEAPONS", "Thanh niên mang theo dao tự chế đi lại trong khu trọ, hăm doạ người thuê trọ."),
            new Sample("OTHER", "Tiếng karaoke mở rất lớn sau 22 giờ nhiều đêm liên tục, đã nhắc nhưng không giảm."),
            new Sample("OTHER", "Đốt rác thải nhựa gây khói độc bay vào khu dân cư mỗi buổi chiều."),
            new Sample("OTHER", "Có người chăn bò thả rông ra đường, đêm tối rất nguy hiểm cho người đi xe."),
            new Sample("OTHER", "Nhà bên cạnh xây lấn ra hẻm chung, đã nói chuyện nhưng không được."));

    private static final String[] DETAILS = {
        "",
        "",
        " Sự việc xảy ra khoảng 21 giờ tối qua.",
        " Việc này kéo dài đã mấy tuần nay, bà con rất bức xúc.",
        " Tôi có chụp được ảnh, mong công an xuống kiểm tra.",
        " Đề nghị công an phường xác minh và xử lý sớm.",
        " Người dân trong xóm đều biết nhưng không dám báo.",
        " Xin giữ bí mật thông tin người báo.",
        " Sáng nay vẫn thấy tiếp diễn.",
        " Đã báo trưởng thôn nhưng chưa thấy xử lý.",
        " Đối tượng khoảng 25 tuổi, mặc áo khoác đen, đi xe Sirius.",
        " Mong lực lượng tuần tra tăng cường vào buổi tối.",
    };

    private static final String[] PLACES = {
        null,
        null,
        "Đường Nguyễn Tất Thành, đoạn gần cầu",
        "Sân bóng sau trường cấp 2",
        "Hẻm 12",
        "Căn nhà cuối hẻm, cạnh rẫy cà phê",
        "Quán nước đầu thôn",
        "Khu dân cư gần chợ",
        "Tỉnh lộ, đoạn qua thôn",
        "Rẫy phía bắc thôn",
        "Nhà văn hoá thôn",
        "Kho cà phê gia đình",
        "Quán nhậu ven hồ",
        "Cổng trường tiểu học",
        "Ngã ba chợ",
        "Đường Lê Duẩn",
        "Khu trọ công nhân",
        "Bờ hồ Ea Kao",
        "Đường liên thôn",
        "Bến xe",
    };

    private static final String[] CHANNELS = {
        "PORTAL", "PORTAL", "PORTAL", "ZALO", "ZALO", "ZALO", "ZALO", "ZALO_GROUP", "PHONE", "PHONE", "WALK_IN", "API"
    };

    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    /** Tips per commune, relative: the city ward gets the most. */
    private static final Map<String, Integer> WEIGHTS =
            Map.of("24133", 30, "24121", 15, "24163", 12, "24169", 15, "24310", 13, "24184", 15);

    /**
     * A docket for every tip that has none, in a state that fits the tip's: a quarter are sources of crime information
     * (their clocks run; open ones older than 20 days are overdue, like the backlog), the rest are classified as
     * security information or administrative violations; urgent crime reports were mostly reported at once.
     */
    private static final String DOCKETS_SQL =
            """
            INSERT INTO reports.dockets (tip_id, commune_code, province_code, kind, kind_reason, state, urgent, remote,
                                         received_at, transfer_due_at, resolution_due_at, immediate_report_due_at,
                                         immediately_reported_at, closed_at)
            SELECT t.id, t.commune_code, t.province_code, k.kind,
                   CASE WHEN t.status = 'REJECTED' THEN 'Không có căn cứ xử lý' END,
                   k.state, t.urgent, FALSE, t.received_at,
                   CASE WHEN k.state = 'AWAITING_TRANSFER' THEN t.received_at + interval '24 hours' END,
                   CASE WHEN k.state = 'UNDER_RESOLUTION' THEN t.received_at + interval '20 days' END,
                   CASE WHEN t.urgent AND k.crime THEN t.received_at + interval '2 hours' END,
                   CASE WHEN t.urgent AND k.crime AND (t.status NOT IN ('RECEIVED', 'ACCEPTED') OR t.received_at > now() - interval '1 hour')
                        THEN t.received_at + interval '40 minutes' END,
                   CASE WHEN k.state IN ('NOT_ACTIONABLE', 'TRANSFERRED', 'INITIATED', 'NOT_INITIATED', 'CLASSIFIED')
                        THEN t.closed_at END
              FROM reports.tips t
             CROSS JOIN LATERAL (
                   SELECT crime,
                          CASE WHEN t.status = 'REJECTED' THEN 'NOT_ACTIONABLE'
                               WHEN t.status = 'RECEIVED' THEN NULL
                               WHEN crime THEN CASE WHEN t.id % 8 = 0 THEN 'DENUNCIATION' ELSE 'CRIME_REPORT' END
                               WHEN t.id % 3 = 0 THEN 'ADMINISTRATIVE_VIOLATION' ELSE 'SECURITY_INFORMATION' END AS kind,
                          CASE WHEN t.status = 'REJECTED' THEN 'NOT_ACTIONABLE'
                               WHEN t.status = 'TRANSFERRED' THEN 'TRANSFERRED'
                               WHEN t.status = 'RECEIVED' THEN 'UNCLASSIFIED'
                               WHEN NOT crime THEN 'CLASSIFIED'
                               WHEN t.status = 'RESOLVED' THEN CASE WHEN t.id % 5 = 0 THEN 'INITIATED' ELSE 'NOT_INITIATED' END
                               ELSE 'UNDER_RESOLUTION' END AS state
                     FROM (SELECT (t.id % 4 = 0 OR t.status = 'TRANSFERRED') AS crime) c) k
             WHERE NOT EXISTS (SELECT 1 FROM reports.dockets d WHERE d.tip_id = t.id)
            """;

    /** A line in the register for every tip that has none, numbered per commune and year in the order they came in. */
    private static final String REGISTER_SQL =
            """
            INSERT INTO reports.register_entries (tip_id, province_code, commune_code, register_year, register_number, received_at,
                                                  channel, summary, entered_at)
            SELECT t.id, t.province_code, t.commune_code,
                   extract(YEAR FROM t.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::INTEGER,
                   coalesce(c.last_number, 0) + row_number() OVER (PARTITION BY t.commune_code,
                                          extract(YEAR FROM t.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')
                                      ORDER BY t.received_at, t.id),
                   t.received_at, t.channel, left(t.description, 300), t.received_at
              FROM reports.tips t
              LEFT JOIN reports.register_counters c ON c.commune_code = t.commune_code
                   AND c.year = extract(YEAR FROM t.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::INTEGER
             WHERE NOT EXISTS (SELECT 1 FROM reports.register_entries e WHERE e.tip_id = t.id)
            """;

    private static final String REGISTER_COUNTERS_SQL =
            """
            INSERT INTO reports.register_counters (commune_code, year, last_number)
            SELECT commune_code, register_year, max(register_number) FROM reports.register_entries GROUP BY 1, 2
            ON CONFLICT (commune_code, year) DO UPDATE SET last_number = EXCLUDED.last_number
            """;

    private static final String COPY_SQL =
            """
            COPY reports.tips (code, secret_hash, province_code, commune_code, village_id, category, description,
                occurred_at, place, latitude, longitude, urgent, anonymous, channel, status, status_reason,
                assigned_officer_id, received_at, first_answered_at, closed_at, search_text, version)
            FROM STDIN (FORMAT csv)
            """;

    private final Connection db;
    private final Random random = new Random(66);

    TipGenerator(Connection db) {
        this.db = db;
    }

    /** Adds tips until the table holds {@code target} of them; returns how many were added. */
    int fillTo(int target, Instant now) throws SQLException {
        int existing = count("SELECT count(*) FROM reports.tips");
        int toAdd = target - existing;
        if (toAdd <= 0) {
            return 0;
        }
        List<Commune> communes = communes();
        if (communes.isEmpty()) {
            throw new IllegalStateException("No demo communes: start the app with binhyen.demo.enabled=true");
        }
        int totalWeight = communes.stream().mapToInt(Commune::weight).sum();
        Set<String> codes = new HashSet<>(existingCodes());
        CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL);
        try {
            // Rows go in in the order they arrived, as they would in production: the table's physical order follows
            // received_at, so the open (recent) tips sit together near its end.
            long[] ageSeconds = new long[toAdd];
            for (int i = 0; i < toAdd; i++) {
                // A year of tips, a little more of them lately.
                double u = random.nextDouble();
                ageSeconds[i] = (long) (u * Math.sqrt(u) * 365 * 24 * 3600) + 60;
            }
            Arrays.sort(ageSeconds);
            StringBuilder batch = new StringBuilder(1 << 20);
            for (int i = toAdd - 1; i >= 0; i--) {
                Instant received = now.minus(Duration.ofSeconds(ageSeconds[i]));
                appendRow(batch, pickCommune(communes, totalWeight), newCode(codes), received, now);
                if (batch.length() > (1 << 20) - 4096) {
                    write(copy, batch);
                }
            }
            write(copy, batch);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        try (Statement s = db.createStatement()) {
            s.execute(REGISTER_SQL);
            s.execute(REGISTER_COUNTERS_SQL);
            s.execute(DOCKETS_SQL);
            s.execute("VACUUM (ANALYZE) reports.tips");
            s.execute("VACUUM (ANALYZE) reports.register_entries");
            s.execute("VACUUM (ANALYZE) reports.dockets");
        }
        return toAdd;
    }

    /**
     * The rest of the country beside the province: {@code tips} reports in 33 other provinces, 40 days old and all
     * overdue (awaiting transfer or under resolution, urgent ones not reported at once), each with a past decision
     * that set a Procuracy notice deadline, four in five of them notified. What the province's own pages must not pay
     * for. The events are written with V8's notice trigger off (it is made for one event at a time) and the dockets'
     * notice deadline set after, in one statement, to what the trigger would have set. Their codes start with "TB-0",
     * which no generated code can (the code alphabet has no 0).
     */
    void addCountryBacklog(int tips) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("""
                    INSERT INTO reports.tips (code, secret_hash, province_code, commune_code, category, description,
                        urgent, anonymous, channel, status, received_at, search_text)
                    SELECT 'TB-0' || g, 'x', lpad((1 + g %% 33)::text, 2, '0'),
                           lpad((1 + g %% 33)::text, 2, '0') || lpad((g %% 90)::text, 3, '0'), 'OTHER', 'x', g %% 10 = 0,
                           TRUE, 'WEB', 'IN_PROGRESS', now() - interval '40 days', 'x'
                      FROM generate_series(1, %d) g
                    """.formatted(tips));
            s.execute("""
                    INSERT INTO reports.dockets (tip_id, commune_code, province_code, kind, state, urgent, remote,
                        received_at, transfer_due_at, resolution_due_at, immediate_report_due_at)
                    SELECT t.id, t.commune_code, t.province_code, 'CRIME_REPORT',
                           CASE WHEN t.id % 2 = 0 THEN 'AWAITING_TRANSFER' ELSE 'UNDER_RESOLUTION' END, t.urgent, FALSE,
                           t.received_at, t.received_at + interval '1 day', t.received_at + interval '20 days',
                           CASE WHEN t.urgent THEN t.received_at + interval '2 hours' END
                      FROM reports.tips t WHERE t.code LIKE 'TB-0%'
                    """);
            s.execute("ALTER TABLE reports.docket_events DISABLE TRIGGER docket_events_procuracy_due");
            s.execute("""
                    INSERT INTO reports.docket_events (tip_id, type, procuracy_due_at, recorded_at)
                    SELECT t.id, 'NOT_INITIATED', now() - interval '30 days', now() - interval '33 days'
                      FROM reports.tips t WHERE t.code LIKE 'TB-0%'
                    """);
            s.execute("""
                    INSERT INTO reports.docket_events (tip_id, type, refers_to, recorded_at)
                    SELECT ev.tip_id, 'PROCURACY_NOTIFIED', ev.id, now() - interval '31 days'
                      FROM reports.docket_events ev JOIN reports.tips t ON t.id = ev.tip_id
                     WHERE t.code LIKE 'TB-0%' AND ev.type = 'NOT_INITIATED' AND t.id % 5 <> 0
                    """);
            s.execute("ALTER TABLE reports.docket_events ENABLE TRIGGER docket_events_procuracy_due");
            s.execute("""
                    UPDATE reports.dockets d SET procuracy_due_at = now() - interval '30 days'
                      FROM reports.tips t WHERE t.id = d.tip_id AND t.code LIKE 'TB-0%' AND t.id % 5 = 0
                    """);
            s.execute("VACUUM (ANALYZE) reports.tips");
            s.execute("VACUUM (ANALYZE) reports.dockets");
            s.execute("VACUUM (ANALYZE) reports.docket_events");
        }
    }

    /** A short account of what is in the table, for the report. */
    Map<String, String> summary() throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("tips", String.valueOf(count("SELECT count(*) FROM reports.tips")));
        out.put("urgent", String.valueOf(count("SELECT count(*) FROM reports.tips WHERE urgent")));
        out.put("dockets", String.valueOf(count("SELECT count(*) FROM reports.dockets")));
        out.put("under resolution", String.valueOf(count(
                "SELECT count(*) FROM reports.dockets WHERE state = 'UNDER_RESOLUTION'")));
        out.put("open", String.valueOf(count(
                "SELECT count(*) FROM reports.tips WHERE status IN ('RECEIVED','ACCEPTED','ASSIGNED','IN_PROGRESS')")));
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(
                        """
                        SELECT string_agg(commune_code || '=' || n, ' ' ORDER BY commune_code)
                          FROM (SELECT commune_code, count(*) n FROM reports.tips GROUP BY commune_code) c
                        """)) {
            rs.next();
            out.put("per commune", rs.getString(1));
        }
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT min(received_at)::date || ' .. ' || max(received_at)::date FROM reports.tips")) {
            rs.next();
            out.put("received", rs.getString(1));
        }
        out.put("table + indexes", sizeOf("pg_total_relation_size('reports.tips')"));
        return out;
    }

    private void appendRow(StringBuilder out, Commune commune, String code, Instant received, Instant now) {
        Sample sample = SAMPLES.get(random.nextInt(SAMPLES.size()));
        String description = sample.text() + DETAILS[random.nextInt(DETAILS.length)];
        String place = PLACES[random.nextInt(PLACES.length)];
        Village village = random.nextInt(6) == 0 ? null : commune.villages().get(random.nextInt(commune.villages().size()));
        Instant occurred = received.minus(Duration.ofMinutes(random.nextInt(300)));
        long ageHours = Duration.between(received, now).toHours();
        String status = statusFor(ageHours);
        boolean open = switch (status) {
            case "RECEIVED", "ACCEPTED", "ASSIGNED", "IN_PROGRESS" -> true;
            default -> false;
        };
        boolean urgent = switch (sample.category()) {
            case "FIGHT_OR_DISORDER", "WEAPONS" -> random.nextInt(100) < 35;
            case "DRUGS", "ILLEGAL_RACING" -> random.nextInt(100) < 10;
            default -> random.nextInt(100) < 4;
        };
        Long assigned = null;
        if (status.equals("ASSIGNED") || status.equals("IN_PROGRESS") || status.equals("RESOLVED")) {
            if (village == null) {
                assigned = random.nextBoolean() ? commune.chief() : commune.staff().get(0);
            } else if (random.nextInt(20) == 0) {
                // Covering for a colleague: assigned outside the officer's own villages.
                assigned = commune.areaOfficers().get(random.nextInt(commune.areaOfficers().size()));
            } else {
                assigned = village.areaOfficer();
            }
        }
        Instant answered = status.equals("RECEIVED") && random.nextInt(4) != 0
                ? null
                : received.plus(Duration.ofMinutes(5 + random.nextInt(600)));
        if (answered != null && answered.isAfter(now)) {
            answered = now;
        }
        Instant closed = open ? null : received.plus(Duration.ofHours(2 + random.nextInt(24 * 10)));
        if (closed != null && closed.isAfter(now)) {
            closed = now;
        }
        String reason = switch (status) {
            case "RESOLVED" -> "Đã xác minh, lập biên bản và nhắc nhở các đối tượng; tăng cường tuần tra khu vực.";
            case "REJECTED" -> "Không đủ thông tin để xác minh, đã liên hệ lại người báo nhưng không được.";
            case "TRANSFERRED" -> "Chuyển công an xã lân cận theo địa bàn xảy ra sự việc.";
            default -> null;
        };
        double lat = village == null ? 0 : village.lat() + (random.nextDouble() - 0.5) * 0.004;
        double lon = village == null ? 0 : village.lon() + (random.nextDouble() - 0.5) * 0.004;
        String searchText = TipSearchText.of(code, description, place, village == null ? null : village.name());

        csv(out, code).append(',');
        csv(out, TipCodes.hashSecret(code)).append(',');
        csv(out, commune.provinceCode()).append(',');
        csv(out, commune.code()).append(',');
        out.append(village == null ? "" : village.id()).append(',');
        csv(out, sample.category()).append(',');
        csv(out, description).append(',');
        out.append(occurred).append(',');
        csv(out, place).append(',');
        out.append(village == null ? "" : lat).append(',');
        out.append(village == null ? "" : lon).append(',');
        out.append(urgent).append(',');
        out.append(random.nextInt(3) == 0).append(',');
        csv(out, CHANNELS[random.nextInt(CHANNELS.length)]).append(',');
        csv(out, status).append(',');
        csv(out, reason).append(',');
        out.append(assigned == null ? "" : assigned).append(',');
        out.append(received).append(',');
        out.append(answered == null ? "" : answered).append(',');
        out.append(closed == null ? "" : closed).append(',');
        csv(out, searchText).append(',');
        out.append('0').append('\n');
    }

    /** Newer tips are still being worked on; a small backlog of old ones was never closed. */
    private String statusFor(long ageHours) {
        int r = random.nextInt(100);
        if (ageHours < 24) {
            return r < 55 ? "RECEIVED" : r < 80 ? "ACCEPTED" : r < 92 ? "ASSIGNED" : "IN_PROGRESS";
        }
        if (ageHours < 7 * 24) {
            return r < 8 ? "RECEIVED" : r < 20 ? "ACCEPTED" : r < 45 ? "ASSIGNED" : r < 75 ? "IN_PROGRESS"
                    : r < 93 ? "RESOLVED" : r < 97 ? "REJECTED" : "TRANSFERRED";
        }
        if (ageHours < 30 * 24) {
            return r < 2 ? "RECEIVED" : r < 5 ? "ACCEPTED" : r < 12 ? "ASSIGNED" : r < 22 ? "IN_PROGRESS"
                    : r < 88 ? "RESOLVED" : r < 95 ? "REJECTED" : "TRANSFERRED";
        }
        return r < 1 ? "ASSIGNED" : r < 2 ? "IN_PROGRESS" : r < 88 ? "RESOLVED" : r < 95 ? "REJECTED" : "TRANSFERRED";
    }

    private Commune pickCommune(List<Commune> communes, int totalWeight) {
        int r = random.nextInt(totalWeight);
        for (Commune c : communes) {
            r -= c.weight();
            if (r < 0) {
                return c;
            }
        }
        return communes.get(communes.size() - 1);
    }

    /** The app's code format ({@code TB-7K3M-Q9TX}), from a seeded generator and never repeated. */
    private String newCode(Set<String> taken) {
        while (true) {
            char[] c = new char[12];
            "TB-".getChars(0, 3, c, 0);
            for (int i = 3; i < 12; i++) {
                c[i] = i == 7 ? '-' : CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)];
            }
            String code = new String(c);
            if (taken.add(code)) {
                return code;
            }
        }
    }

    private List<Commune> communes() throws SQLException {
        Map<String, List<Village>> villages = new HashMap<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(
                        """
                        SELECT v.id, v.commune_code, v.name, v.latitude, v.longitude, min(j.officer_id) AS officer
                          FROM directory.villages v
                          JOIN directory.jurisdictions j ON j.village_id = v.id
                         GROUP BY v.id ORDER BY v.id
                        """)) {
            while (rs.next()) {
                villages.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                        .add(new Village(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
                                rs.getDouble(5), rs.getLong(6)));
            }
        }
        Map<String, Commune> communes = new LinkedHashMap<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(
                        """
                        SELECT a.code, a.province_code,
                               array_agg(o.id ORDER BY o.id) FILTER (WHERE o.role = 'COMMUNE_CHIEF') AS chiefs,
                               array_agg(o.id ORDER BY o.id) FILTER (WHERE o.role = 'COMMUNE_STAFF') AS staff,
                               array_agg(o.id ORDER BY o.id) FILTER (WHERE o.role = 'AREA_OFFICER') AS area
                          FROM directory.administrative_units a
                          JOIN directory.police_units u ON u.unit_code = a.code
                          JOIN directory.officers o ON o.police_unit_id = u.id
                         WHERE a.level = 'COMMUNE'
                         GROUP BY a.code, a.province_code ORDER BY a.code
                        """)) {
            while (rs.next()) {
                String code = rs.getString(1);
                if (!villages.containsKey(code)) {
                    continue;
                }
                List<Long> chiefs = longs(rs, 3);
                List<Long> staff = longs(rs, 4);
                communes.put(code, new Commune(code, rs.getString(2), WEIGHTS.getOrDefault(code, 10),
                        villages.get(code), chiefs.get(0), staff.isEmpty() ? chiefs : staff, longs(rs, 5)));
            }
        }
        return new ArrayList<>(communes.values());
    }

    private static List<Long> longs(ResultSet rs, int column) throws SQLException {
        var array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        List<Long> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add(((Number) o).longValue());
        }
        return out;
    }

    private List<String> existingCodes() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT code FROM reports.tips")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private int count(String sql) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String sizeOf(String expression) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_size_pretty(" + expression + ")")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void write(CopyIn copy, StringBuilder batch) throws SQLException {
        byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        batch.setLength(0);
    }

    private static StringBuilder csv(StringBuilder out, String value) {
        if (value == null) {
            return out;
        }
        return out.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    static Instant nowToTheSecond() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
