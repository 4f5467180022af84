package vn.binhyen.accounts.internal;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.binhyen.accounts.Accounts;
import vn.binhyen.directory.CommuneView;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerView;
import vn.binhyen.shared.DemoProperties;
import vn.binhyen.shared.text.VietnameseText;

/**
 * A sign-in for every demo officer, named after their role and commune ({@code truong.buonmathuot},
 * {@code ksv1.buonmathuot}, {@code tinh.daklak}, {@code admin}), and the list printed at start so a newcomer can log
 * in at once.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("binhyen.demo.enabled")
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final Accounts accounts;
    private final Directory directory;
    private final DemoProperties demo;
    private final Environment environment;

    DemoAccounts(Accounts accounts, Directory directory, DemoProperties demo, Environment environment) {
        this.accounts = accounts;
        this.directory = directory;
        this.demo = demo;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.matchesProfiles("prod")) {
            throw new IllegalStateException("Demo data must never be loaded in prod");
        }
        List<String> lines = new ArrayList<>();
        boolean create = !accounts.hasSignIns();
        for (OfficerView officer : directory.officersOf("66")) {
            String username = switch (officer.role()) {
                case ADMINISTRATOR -> "admin";
                default -> "tinh.daklak";
            };
            signIn(create, username, officer, lines);
        }
        for (CommuneView commune : directory.communesInService()) {
            String place = VietnameseText.fold(commune.name()).replace(" ", "");
            int area = 0;
            for (OfficerView officer : directory.officersOf(commune.code())) {
                String username = switch (officer.role()) {
                    case COMMUNE_CHIEF -> "truong." + place;
                    case COMMUNE_STAFF -> "canbo." + place;
                    case AREA_OFFICER -> "ksv" + (++area) + "." + place;
                    default -> null;
                };
                if (username != null) {
                    signIn(create, username, officer, lines);
                }
            }
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info(
                """

                ================================================================================
                 BinhYen demo — tỉnh Đắk Lắk
                   Resident portal:   http://localhost:{}/
                   Officer console:   http://localhost:{}/console   (password for every account: {})
                   Public API (docs): http://localhost:{}/api
                 Demo accounts (first 12 of {}):
                {}
                ================================================================================""",
                port,
                port,
                demo.password(),
                port,
                lines.size(),
                String.join("\n", lines.subList(0, Math.min(12, lines.size()))));
    }

    private void signIn(boolean create, String username, OfficerView officer, List<String> lines) {
        if (create) {
            accounts.createSignIn(username, officer.id(), demo.password());
        }
        lines.add("   %-22s %-18s %s".formatted(username, officer.role(), officer.unitName()));
    }
}
