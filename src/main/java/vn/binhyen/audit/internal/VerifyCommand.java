package vn.binhyen.audit.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.binhyen.audit.AuditAction;
import vn.binhyen.audit.AuditEntry;
import vn.binhyen.audit.AuditLog;
import vn.binhyen.audit.ChainVerification;

/**
 * The command: {@code java -jar binhyen.jar --binhyen.audit.verify-and-exit=true} walks the chain, prints the result
 * and exits with 0 when it is intact, 3 when it is broken.
 */
@Component
@Order(0)
@ConditionalOnBooleanProperty("binhyen.audit.verify-and-exit")
class VerifyCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(VerifyCommand.class);

    private final AuditLog audit;
    private final ConfigurableApplicationContext context;

    VerifyCommand(AuditLog audit, ConfigurableApplicationContext context) {
        this.audit = audit;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        ChainVerification result = audit.verify();
        audit.record(AuditEntry.bySystem(AuditAction.VERIFY, null, result.intact() ? "intact" : "broken"));
        if (result.intact()) {
            log.info("AUDIT CHAIN INTACT: {} entries checked", result.entriesChecked());
        } else {
            log.error(
                    "AUDIT CHAIN BROKEN at entry {}: {} ({} entries checked)",
                    result.firstBrokenId(),
                    result.problem(),
                    result.entriesChecked());
        }
        int code = result.intact() ? 0 : 3;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
