package vn.binhyen.reports.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.directory.CommuneView;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.directory.OfficerView;
import vn.binhyen.directory.VillageView;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.reports.TipChannel;
import vn.binhyen.reports.TipStatus;
import vn.binhyen.reports.internal.TipStore.TipRow;
import vn.binhyen.shared.crypto.SecretBox;

/** Three weeks of realistic tips in the demo communes, in every state, so every console screen has content. */
@Component
@Order(30)
@ConditionalOnBooleanProperty("binhyen.demo.enabled")
class DemoTips implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTips.class);

    record Sample(TipCategory category, String text, String place) {}

    static final List<Sample> SAMPLES = List.of(
            new Sample(
                    TipCategory.ILLEGAL_RACING,
                    "Tối nào cũng có khoảng 20 thanh niên tụ tập đua xe, bốc đầu, nẹt pô từ 23 giờ đến 1 giờ sáng, người dân không ngủ được.",
                    "Đường Nguyễn Tất Thành, đoạn gần cầu"),
            new Sample(
                    TipCategory.FIGHT_OR_DISORDER,
                    "Nhóm thanh niên hẹn nhau qua mạng xã hội để đánh nhau tối nay, có người mang theo dao, mã tấu.",
                    "Sân bóng sau trường cấp 2"),
            new Sample(
                    TipCategory.THEFT,
                    "Nhà tôi bị mất xe máy Honda Wave màu đỏ để trước sân lúc rạng sáng, biển số 47K1-xxx.",
                    "Hẻm 12"),
            new Sample(
                    TipCategory.FRAUD,
                    "Có người gọi điện xưng là công an, yêu cầu mẹ tôi chuyển tiền để 'xác minh tài khoản liên quan vụ án'.",
                    ""),
            new Sample(
                    TipCategory.DRUGS,
                    "Thấy nhiều người lạ ra vào một căn nhà vào ban đêm, nghi sử dụng ma tuý, có mùi lạ.",
                    "Căn nhà cuối hẻm, cạnh rẫy cà phê"),
            new Sample(
                    TipCategory.GAMBLING,
                    "Có tụ điểm đánh bạc, ghi lô đề ở quán nước đầu thôn, chiều nào cũng đông người.",
                    "Quán nước đầu thôn"),
            new Sample(
                    TipCategory.SUSPICIOUS_PERSON,
                    "Hai người đi xe không biển số chạy chậm quanh khu dân cư, nhìn vào các nhà có để xe ngoài sân.",
                    "Khu dân cư gần chợ"),
            new Sample(
                    TipCategory.TRAFFIC,
                    "Xe tải chở đất làm rơi vãi ra đường, trời mưa rất trơn, đã có người té ngã.",
                    "Tỉnh lộ, đoạn qua thôn"),
            new Sample(
                    TipCategory.WEAPONS,
                    "Nghe nói có người trong thôn tự chế súng bắn đạn bi, hay mang ra rẫy bắn chim.",
                    "Rẫy phía bắc thôn"),
            new Sample(
                    TipCategory.OTHER,
                    "Tiếng karaoke mở rất lớn sau 22 giờ nhiều đêm liên tục, đã nhắc nhưng không giảm.",
                    "Nhà văn hoá thôn"),
            new Sample(
                    TipCategory.THEFT,
                    "Trộm cắt khoá vào kho lấy 5 bao cà phê nhân trong đêm qua.",
                    "Kho cà phê gia đình"),
            new Sample(
                    TipCategory.FRAUD,
                    "Tài khoản Zalo của em gái tôi bị chiếm, đang nhắn tin mượn tiền người quen.",
                    ""),
            new Sample(
                    TipCategory.FIGHT_OR_DISORDER,
                    "Hai nhóm thanh niên cãi nhau ở quán nhậu, có dấu hiệu sắp ẩu đả.",
                    "Quán nhậu ven hồ"),
            new Sample(
                    TipCategory.ILLEGAL_RACING,
                    "Nhóm facebook rủ nhau 'đi phượt' tối thứ bảy, tập trung ở hồ, nghi tổ chức đua xe.",
                    "Hồ Krông Búk Hạ"));

    private static final List<String> REPLIES = List.of(
            "Công an đã nhận được thông tin, cảm ơn bạn. Chúng tôi sẽ cử cán bộ xác minh ngay.",
            "Tổ tuần tra đã đến hiện trường. Bạn có thể cho biết thêm đặc điểm nhận dạng không?",
            "Chúng tôi đã làm việc với các đối tượng liên quan. Cảm ơn bạn đã phối hợp.");

    private final JdbcClient jdbc;
    private final TipStore tips;
    private final Directory directory;
    private final SecretBox secretBox;
    private final Clock clock;
    private final RegisterBook register;
    private final LegalClocks clocks;

    DemoTips(
            JdbcClient jdbc,
            TipStore tips,
            Directory directory,
            SecretBox secretBox,
            Clock clock,
            RegisterBook register,
            LegalClocks clocks) {
        this.register = register;
        this.clocks = clocks;
        this.jdbc = jdbc;
        this.tips = tips;
        this.directory = directory;
        this.secretBox = secretBox;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM reports.tips)")
                .query(Boolean.class)
                .single()) {
            return;
        }
        Random random = new Random(66);
        Instant now = clock.instant();
        int count = 0;
        for (CommuneView commune : directory.communesInService()) {
            List<VillageView> villages = directory.villagesOf(commune.code());
            List<OfficerView> officers = directory.officersOf(commune.code());
            OfficerView chief = officers.stream()
                    .filter(o -> o.role() == OfficerRole.COMMUNE_CHIEF)
                    .findFirst()
                    .orElseThrow();
            int perCommune = 10 + random.nextInt(6);
            for (int i = 0; i < perCommune; i++) {
                Sample sample = SAMPLES.get(random.nextInt(SAMPLES.size()));
                VillageView village = random.nextInt(6) == 0 ? null : villages.get(random.nextInt(villages.size()));
                Instant received = now.minus(Duration.ofMinutes(30 + random.nextInt(21 * 24 * 60)));
                boolean anonymous = random.nextInt(3) == 0;
                TipChannel channel = List.of(TipChannel.PORTAL, TipChannel.ZALO, TipChannel.PHONE, TipChannel.WALK_IN)
                        .get(random.nextInt(4));
                var row = new TipRow(
                        0,
                        TipCodes.newCode(),
                        TipCodes.hashSecret(TipCodes.newSecret()),
                        commune.provinceCode(),
                        commune.code(),
                        village == null ? null : village.id(),
                        sample.category(),
                        sample.text(),
                        received.minus(Duration.ofMinutes(random.nextInt(300))),
                        sample.place().isEmpty() ? null : sample.place(),
                        village == null ? null : village.latitude(),
                        village == null ? null : village.longitude(),
                        sample.category() == TipCategory.FIGHT_OR_DISORDER || random.nextInt(8) == 0,
                        anonymous,
                        channel,
                        TipStatus.RECEIVED,
                        null,
                        null,
                        received,
                        null,
                        null,
                        0);
                long id = tips.insert(
                        row,
                        TipSearchText.of(
                                row.code(), row.description(), row.place(), village == null ? null : village.name()));
                tips.recordStatusChange(id, null, TipStatus.RECEIVED, null, null, received);
                boolean inPerson = channel == TipChannel.WALK_IN || channel == TipChannel.PHONE;
                register.enter(
                        id,
                        commune,
                        received,
                        channel,
                        row.urgent(),
                        row.description(),
                        inPerson ? chief.id() : null,
                        received);
                if (!anonymous) {
                    tips.sealIdentity(
                            id,
                            secretBox.seal(
                                    "{\"fullName\":\"Người dân demo " + (count + 1) + "\",\"phone\":\"09"
                                            + (10000000 + random.nextInt(89999999)) + "\"}",
                                    "tip:" + id));
                }
                progress(id, row, random, village, officers, chief, now);
                legalClock(id, sample.category(), received, commune.remote(), random, chief, now);
                count++;
            }
        }
        log.info("Demo tips seeded: {}", count);
    }

    /**
     * Crime-like tips get a legal docket: recent ones wait for transfer, older ones are being resolved by the unit;
     * some of each are overdue so the register's alarms have something to show.
     */
    private void legalClock(
            long id,
            TipCategory category,
            Instant received,
            boolean remote,
            Random random,
            OfficerView chief,
            Instant now) {
        boolean crime = switch (category) {
            case THEFT, DRUGS, WEAPONS, FRAUD, FIGHT_OR_DISORDER -> true;
            default -> false;
        };
        String kind = crime ? (random.nextBoolean() ? "DENUNCIATION" : "CRIME_REPORT") : "SECURITY_INFORMATION";
        Instant classified = received.plus(Duration.ofMinutes(20));
        if (classified.isAfter(now)) {
            return;
        }
        long ageDays = Duration.between(received, now).toDays();
        String state = !crime ? "CLASSIFIED" : ageDays >= 2 ? "UNDER_RESOLUTION" : "AWAITING_TRANSFER";
        Instant transferDue = crime ? clocks.transferDue(received, remote) : null;
        Instant resolutionDue = "UNDER_RESOLUTION".equals(state) ? clocks.resolutionDue(received) : null;
        if (resolutionDue != null && random.nextInt(4) == 0) {
            // The unit ran behind: the deadline passed yesterday.
            resolutionDue = now.minus(Duration.ofHours(20 + random.nextInt(24)));
        }
        jdbc.sql("UPDATE reports.dockets SET kind = ?, state = ?, transfer_due_at = ?, resolution_due_at = ?"
                        + " WHERE tip_id = ?")
                .params(kind, state, TipStore.timestamp(transferDue), TipStore.timestamp(resolutionDue), id)
                .update();
        jdbc.sql("INSERT INTO reports.docket_events (tip_id, type, officer_id, kind_after, recorded_at)"
                        + " VALUES (?, 'CLASSIFIED', ?, ?, ?)")
                .params(id, chief.id(), kind, TipStore.timestamp(classified))
                .update();
        if (resolutionDue != null) {
            jdbc.sql("INSERT INTO reports.docket_events (tip_id, type, officer_id, due_after, recorded_at)"
                            + " VALUES (?, 'RESOLUTION_STARTED', ?, ?, ?)")
                    .params(id, chief.id(), TipStore.timestamp(resolutionDue), TipStore.timestamp(classified))
                    .update();
        }
    }

    /** Older tips have moved further along, as they would have in a real unit. */
    private void progress(
            long id,
            TipRow row,
            Random random,
            VillageView village,
            List<OfficerView> officers,
            OfficerView chief,
            Instant now) {
        long ageHours = Duration.between(row.receivedAt(), now).toHours();
        int steps = ageHours < 6 ? random.nextInt(2) : ageHours < 72 ? 1 + random.nextInt(3) : 3 + random.nextInt(2);
        OfficerView areaOfficer =
                village == null ? chief : directory.areaOfficerOf(village.id()).orElse(chief);
        Instant at = row.receivedAt();
        TipStatus status = TipStatus.RECEIVED;
        Long assigned = null;
        String reason = null;
        List<TipStatus> path =
                List.of(TipStatus.ACCEPTED, TipStatus.ASSIGNED, TipStatus.IN_PROGRESS, TipStatus.RESOLVED);
        for (int s = 0; s < Math.min(steps, path.size()); s++) {
            at = at.plus(Duration.ofMinutes(10 + random.nextInt(240)));
            if (at.isAfter(now)) {
                break;
            }
            TipStatus next = path.get(s);
            if (next == TipStatus.ASSIGNED) {
                assigned = areaOfficer.id();
            }
            if (next == TipStatus.ACCEPTED) {
                tips.addMessage(id, true, areaOfficer.id(), REPLIES.get(0), at);
            }
            if (next == TipStatus.IN_PROGRESS && random.nextBoolean()) {
                tips.addMessage(id, true, areaOfficer.id(), REPLIES.get(1), at);
            }
            if (next == TipStatus.RESOLVED) {
                reason = "Đã xác minh, lập biên bản và nhắc nhở các đối tượng; tăng cường tuần tra khu vực.";
                tips.addMessage(id, true, areaOfficer.id(), REPLIES.get(2), at);
            }
            tips.recordStatusChange(
                    id, status, next, next == TipStatus.ACCEPTED ? chief.id() : areaOfficer.id(), reason, at);
            status = next;
        }
        if (status != TipStatus.RECEIVED) {
            jdbc.sql(
                            "UPDATE reports.tips SET status = ?, assigned_officer_id = ?, status_reason = ?, closed_at = ? WHERE id = ?")
                    .params(status.name(), assigned, reason, status.isOpen() ? null : TipStore.timestamp(at), id)
                    .update();
        }
    }
}
