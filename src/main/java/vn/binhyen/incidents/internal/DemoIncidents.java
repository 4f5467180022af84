package vn.binhyen.incidents.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.directory.VillageView;
import vn.binhyen.incidents.ActionKind;
import vn.binhyen.incidents.IncidentOutcome;
import vn.binhyen.incidents.WatchCategory;
import vn.binhyen.incidents.internal.NewSignal.SignalSource;

/**
 * Early warning in the demo province: the unit landmarks of the two stories (đường Ama Khê, hồ Krông Búk Hạ), a race
 * being planned right now at the reservoir (open, urgent, alerted), the Ama Khê fight stopped in time, and three
 * months of older incidents so the board's map and hot spots have content. The signals go through the real grouping.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty("binhyen.demo.enabled")
class DemoIncidents implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoIncidents.class);

    private final JdbcClient jdbc;
    private final Directory directory;
    private final SignalIntake intake;
    private final UnitWatchSetup setup;
    private final IncidentConsole console;
    private final Clock clock;

    DemoIncidents(
            JdbcClient jdbc,
            Directory directory,
            SignalIntake intake,
            UnitWatchSetup setup,
            IncidentConsole console,
            Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.intake = intake;
        this.setup = setup;
        this.console = console;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (directory.commune("24133").isEmpty() || directory.commune("24310").isEmpty()) {
            return;
        }
        boolean seeded = jdbc.sql("SELECT EXISTS (SELECT 1 FROM incidents.gazetteer WHERE commune_code = '24133')")
                .query(Boolean.class)
                .single();
        if (seeded) {
            return;
        }
        VillageView tdp3 = village("24133", "Tổ dân phố 3");
        VillageView hoHa = village("24310", "Thôn Hồ Hạ");
        setup.addLandmark("24133", "đường Ama Khê", tdp3.id(), tdp3.latitude(), tdp3.longitude());
        setup.addLandmark("24133", "ngã ba Ama Khê", tdp3.id(), tdp3.latitude(), tdp3.longitude());
        setup.addLandmark("24310", "hồ Krông Búk Hạ", hoHa.id(), 12.9012, 108.2391);
        setup.addLandmark("24310", "đập tràn Krông Búk Hạ", hoHa.id(), 12.8987, 108.2417);
        Instant now = clock.instant();

        // History: three months of incidents, most prevented, spread over the demo communes.
        String[][] history = {
            {"24133", "Tổ dân phố 1", "Thanh niên tụ tập đua xe, bốc đầu trên đường Lê Duẩn sau 23 giờ", "PREVENTED"},
            {"24133", "Tổ dân phố 3", "Hai nhóm hẹn đánh nhau ở đường Ama Khê, có mang hung khí", "PREVENTED"},
            {"24133", "Tổ dân phố 3", "Nhóm thanh niên mang mã tấu rượt đuổi nhau gần chợ", "HANDLED"},
            {"24121", "Tổ dân phố 2", "Có người giả danh công an gọi điện bắt chuyển khoản, lừa đảo", "HANDLED"},
            {"24169", "Buôn Kô Tam", "Nghi có người sử dụng ma túy trong rẫy cà phê", "FALSE_ALARM"},
            {"24310", "Thôn Hồ Hạ", "Quái xế tụ tập đua xe ở hồ Krông Búk Hạ tối thứ bảy", "PREVENTED"},
            {"24310", "Thôn 2", "Cháu bé 9 tuổi bỏ nhà đi, gia đình đang tìm người", "HANDLED"},
            {"24184", "Buôn Sứt", "Thanh niên hai buôn hẹn hỗn chiến sau đám cưới", "PREVENTED"}
        };
        for (int i = 0; i < history.length; i++) {
            String[] h = history[i];
            Instant at = now.minus(Duration.ofDays(4 + i * 11L)).minus(Duration.ofHours(i * 3L));
            VillageView v = village(h[0], h[1]);
            Long incident = signal(SignalSource.MESSAGE, "demo-h" + i, h[0], v.id(), h[2], at, WatchCategory.OTHER);
            signal(
                    SignalSource.GROUP,
                    "demo-h" + i + "g",
                    h[0],
                    v.id(),
                    h[2] + " — bà con báo thêm",
                    at.plusSeconds(900),
                    null);
            if (incident != null) {
                var chief = chiefOf(h[0]);
                console.record(chief, incident, ActionKind.PATROL_SENT, null);
                console.close(
                        chief, incident, IncidentOutcome.valueOf(h[3]), "Tổ tuần tra đã đến hiện trường, giải tán.");
            }
        }

        // Today: the Ama Khê fight, stopped in time.
        Instant fight = now.minus(Duration.ofHours(5));
        signal(
                SignalSource.GROUP,
                "demo-f1",
                "24133",
                null,
                "Tối nay 21h anh em ra đường Ama Khê xử bọn nó, nhớ mang mã tấu",
                fight,
                null);
        signal(
                SignalSource.GROUP,
                "demo-f2",
                "24133",
                null,
                "Đông vào, hỗn chiến luôn, thằng Tùng cầm đầu bên kia",
                fight.plusSeconds(600),
                null);
        Long fightIncident = signal(
                SignalSource.MESSAGE,
                "demo-f3",
                "24133",
                tdp3.id(),
                "Nghe nói có nhóm thanh niên hẹn đánh nhau ở ngã ba Ama Khê, có mang dao",
                fight.plusSeconds(1500),
                WatchCategory.FIGHT);
        if (fightIncident != null) {
            var chief = chiefOf("24133");
            console.record(chief, fightIncident, ActionKind.PATROL_SENT, "Tổ cơ động đến ngã ba Ama Khê");
            console.record(chief, fightIncident, ActionKind.PARENTS_CALLED, "Gọi phụ huynh 6 em");
            console.close(chief, fightIncident, IncidentOutcome.PREVENTED, "Giải tán 23 thanh niên, thu giữ 4 mã tấu.");
        }

        // Right now: a race being planned at the reservoir (open, alerted).
        Instant race = now.minus(Duration.ofMinutes(40));
        signal(
                SignalSource.GROUP,
                "demo-r1",
                "24310",
                null,
                "Tối nay 21h tụ tập ở hồ Krông Búk Hạ đua xe nhé anh em",
                race,
                null);
        signal(
                SignalSource.GROUP,
                "demo-r2",
                "24310",
                null,
                "Nhớ bốc đầu cho đẹp, xe độ mang hết ra hồ Krông Búk Hạ",
                race.plusSeconds(420),
                null);
        signal(
                SignalSource.MESSAGE,
                "demo-r3",
                "24310",
                hoHa.id(),
                "Nhiều thanh niên các xã rủ nhau tối nay đua xe ở đập tràn Krông Búk Hạ",
                race.plusSeconds(1200),
                WatchCategory.RACING);

        // And a scam warning being talked about in Tân Lập.
        signal(
                SignalSource.GROUP,
                "demo-s1",
                "24121",
                village("24121", "Tổ dân phố 2").id(),
                "Có người giả danh công an gọi điện bắt chuyển khoản, lừa đảo mấy nhà rồi",
                now.minus(Duration.ofHours(2)),
                null);
        log.info("Demo incidents seeded: landmarks, history, the Ama Khê fight and the Krông Búk Hạ race");
    }

    private @Nullable Long signal(
            SignalSource source,
            String ref,
            String commune,
            @Nullable Long villageId,
            String text,
            Instant at,
            @Nullable WatchCategory hint) {
        // Residents' own Zalo conversations and one village group per commune; tips stay in the register's own demo.
        String key = source == SignalSource.MESSAGE ? "thread:" + ref : "group:demo" + commune;
        return intake.ingest(new NewSignal(
                source, ref, key, "66", commune, villageId, null, null, null, null, text, false, hint, at, null));
    }

    private AccessScope chiefOf(String commune) {
        long chief = directory.officersOf(commune).stream()
                .filter(o -> o.role() == OfficerRole.COMMUNE_CHIEF)
                .findFirst()
                .orElseThrow()
                .id();
        return new AccessScope(chief, OfficerRole.COMMUNE_CHIEF, commune, "66", Set.of());
    }

    private VillageView village(String commune, String name) {
        List<VillageView> villages = directory.villagesOf(commune);
        return villages.stream().filter(v -> v.name().equals(name)).findFirst().orElse(villages.getFirst());
    }
}
