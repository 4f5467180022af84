package vn.binhyen.reports.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.binhyen.audit.AuditAction;
import vn.binhyen.audit.AuditEntry;
import vn.binhyen.audit.AuditLog;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.JurisdictionChanged;
import vn.binhyen.directory.OfficerView;

/**
 * When the commune chief gives a village to another area officer and asks for its tips to follow, the village's open
 * tips that the previous officer holds go to the new one, in the same transaction as the change (a listener that ran
 * later could leave a village with its new officer and its tips with the old one). Each tip gets an internal note
 * saying who handed it to whom and an audit entry. Tips that someone else holds (a colleague, the chief) stay.
 */
@Component
class VillageHandover {

    private static final Logger log = LoggerFactory.getLogger(VillageHandover.class);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final TipStore tips;
    private final Directory directory;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    VillageHandover(TipStore tips, Directory directory, AuditLog audit, MessageSource messages, Clock clock) {
        this.tips = tips;
        this.directory = directory;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @EventListener
    void handOver(JurisdictionChanged change) {
        Long to = change.officerAfter();
        if (!change.handOverOpenTips() || to == null || change.officersBefore().isEmpty()) {
            return;
        }
        var moved = tips.handOver(change.villageId(), change.officersBefore(), to);
        if (moved.isEmpty()) {
            return;
        }
        var ids = new HashSet<>(change.officersBefore());
        ids.add(to);
        Map<Long, String> names = directory.officers(ids).stream()
                .collect(Collectors.toMap(OfficerView::id, OfficerView::fullName, (a, b) -> a, java.util.HashMap::new));
        Function<Long, String> name = id -> names.getOrDefault(id, "#" + id);
        Instant now = clock.instant();
        for (var tip : moved) {
            tips.addNote(
                    tip.tipId(),
                    change.byOfficerId(),
                    messages.getMessage(
                            "tip.note.handover",
                            new Object[] {name.apply(tip.fromOfficerId()), name.apply(to), change.villageName()},
                            VIETNAMESE),
                    now);
            audit.record(AuditEntry.byOfficer(
                    change.byUsername(),
                    change.byOfficerId(),
                    AuditAction.CHANGE,
                    Register.subject(tip.tipId()),
                    "handed over with village %d: officer %d -> %d"
                            .formatted(change.villageId(), tip.fromOfficerId(), to)));
        }
        log.info("{} open tips of village {} handed over to officer {}", moved.size(), change.villageId(), to);
    }
}
