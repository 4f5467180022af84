package vn.binhyen.reports.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerView;
import vn.binhyen.directory.VillageView;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.reports.TipNotFoundException;
import vn.binhyen.reports.TipStatus;
import vn.binhyen.reports.TipWorkflowException;
import vn.binhyen.reports.internal.TipStore.TipRow;

/**
 * What officers do with a tip. Every method first checks the officer's scope on the server: a tip outside it is
 * "not found", whatever URL was used to reach it.
 */
@Service
@Transactional
public class TipConsole {

    private static final Logger log = LoggerFactory.getLogger(TipConsole.class);

    public record TipDetails(
            TipRow tip,
            @Nullable VillageView village,
            @Nullable OfficerView assignedOfficer,
            boolean identityOnFile,
            List<TipStore.MessageRow> messages,
            List<TipStore.NoteRow> notes,
            List<TipStore.StatusChangeRow> history,
            List<TipStore.AttachmentRow> attachments,
            Map<Long, OfficerView> officers,
            List<OfficerView> assignableOfficers,
            boolean canDecide) {}

    private final TipStore tips;
    private final Directory directory;
    private final Clock clock;

    TipConsole(TipStore tips, Directory directory, Clock clock) {
        this.tips = tips;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public TipDetails details(AccessScope scope, long tipId) {
        TipRow tip = visible(scope, tipId);
        var messages = tips.messages(tipId);
        var notes = tips.notes(tipId);
        var history = tips.history(tipId);
        var officerIds = new java.util.HashSet<Long>();
        messages.stream().map(TipStore.MessageRow::officerId).filter(java.util.Objects::nonNull).forEach(officerIds::add);
        notes.forEach(n -> officerIds.add(n.officerId()));
        history.stream().map(TipStore.StatusChangeRow::officerId).filter(java.util.Objects::nonNull).forEach(officerIds::add);
        if (tip.assignedOfficerId() != null) {
            officerIds.add(tip.assignedOfficerId());
        }
        Map<Long, OfficerView> officers =
                directory.officers(officerIds).stream().collect(Collectors.toMap(OfficerView::id, Function.identity()));
        return new TipDetails(
                tip,
                tip.villageId() == null ? null : directory.village(tip.villageId()).orElse(null),
                tip.assignedOfficerId() == null ? null : officers.get(tip.assignedOfficerId()),
                tips.hasIdentity(tipId),
                messages,
                notes,
                history,
                tips.attachments(tipId),
                officers,
                assignableOfficers(scope, tip),
                scope.canDecideFor(tip.provinceCode(), tip.communeCode()));
    }

    /** Accepting classifies: the officer confirms or corrects the category. */
    public void accept(AccessScope scope, long tipId, TipCategory category) {
        TipRow tip = visible(scope, tipId);
        move(scope, tip, TipStatus.ACCEPTED, tip.assignedOfficerId(), category, null);
    }

    public void assign(AccessScope scope, long tipId, long officerId) {
        TipRow tip = visible(scope, tipId);
        boolean allowed = assignableOfficers(scope, tip).stream().anyMatch(o -> o.id() == officerId);
        if (!allowed) {
            throw new TipWorkflowException("tip.error.assign-not-allowed", "Officer " + officerId + " not assignable");
        }
        move(scope, tip, TipStatus.ASSIGNED, officerId, null, null);
    }

    public void start(AccessScope scope, long tipId) {
        TipRow tip = visible(scope, tipId);
        Long assignee = tip.assignedOfficerId() == null ? scope.officerId() : tip.assignedOfficerId();
        move(scope, tip, TipStatus.IN_PROGRESS, assignee, null, null);
    }

    public void resolve(AccessScope scope, long tipId, String outcome) {
        TipRow tip = visible(scope, tipId);
        move(scope, tip, TipStatus.RESOLVED, tip.assignedOfficerId(), null, required(outcome, "tip.error.outcome-required"));
    }

    /** Handing the tip to the competent body: a decision for the chief (or the province command). */
    public void transfer(AccessScope scope, long tipId, String toWhomAndWhy) {
        TipRow tip = visible(scope, tipId);
        requireDecider(scope, tip);
        move(scope, tip, TipStatus.TRANSFERRED, tip.assignedOfficerId(), null, required(toWhomAndWhy, "tip.error.transfer-reason-required"));
    }

    /** Not actionable: only with a reason, and only by the chief. Nothing is deleted. */
    public void reject(AccessScope scope, long tipId, String reason) {
        TipRow tip = visible(scope, tipId);
        requireDecider(scope, tip);
        move(scope, tip, TipStatus.REJECTED, tip.assignedOfficerId(), null, required(reason, "tip.error.reason-required"));
    }

    /** A reply the resident will see on their status page. */
    public void reply(AccessScope scope, long tipId, String body) {
        TipRow tip = visible(scope, tipId);
        tips.addMessage(tip.id(), true, scope.officerId(), required(body, "tip.error.message-required"), clock.instant());
    }

    /** A note only officers see. */
    public void note(AccessScope scope, long tipId, String body) {
        TipRow tip = visible(scope, tipId);
        tips.addNote(tip.id(), scope.officerId(), required(body, "tip.error.message-required"), clock.instant());
    }

    @Transactional(readOnly = true)
    public byte[] attachment(AccessScope scope, long tipId, long attachmentId) {
        visible(scope, tipId);
        return tips.attachmentContent(tipId, attachmentId).orElseThrow(TipNotFoundException::new);
    }

    @Transactional(readOnly = true)
    public TipStore.AttachmentRow attachmentInfo(AccessScope scope, long tipId, long attachmentId) {
        visible(scope, tipId);
        return tips.attachments(tipId).stream()
                .filter(a -> a.id() == attachmentId)
                .findFirst()
                .orElseThrow(TipNotFoundException::new);
    }

    private TipRow visible(AccessScope scope, long tipId) {
        return tips.byId(tipId)
                .filter(t -> scope.covers(t.provinceCode(), t.communeCode(), t.villageId(), t.assignedOfficerId()))
                .orElseThrow(TipNotFoundException::new);
    }

    /** An area officer may take a tip themselves; the commune's chief and staff may give it to any of its officers. */
    private List<OfficerView> assignableOfficers(AccessScope scope, TipRow tip) {
        if (!tip.status().canMoveTo(TipStatus.ASSIGNED)) {
            return List.of();
        }
        List<OfficerView> commune = directory.officersOf(tip.communeCode()).stream()
                .filter(o -> o.role() != vn.binhyen.directory.OfficerRole.ADMINISTRATOR)
                .toList();
        if (scope.isAreaOfficer()) {
            return commune.stream().filter(o -> o.id() == scope.officerId()).toList();
        }
        return commune;
    }

    private static void requireDecider(AccessScope scope, TipRow tip) {
        if (!scope.canDecideFor(tip.provinceCode(), tip.communeCode())) {
            throw new TipWorkflowException("tip.error.chief-only", "Only the chief decides this");
        }
    }

    private void move(
            AccessScope scope, TipRow tip, TipStatus to, @Nullable Long assignee, @Nullable TipCategory category,
            @Nullable String reason) {
        if (!tip.status().canMoveTo(to)) {
            throw TipWorkflowException.illegalMove(tip.status(), to);
        }
        Instant now = clock.instant();
        if (!tips.updateStatus(tip, to, assignee, category, reason, now)) {
            throw new TipWorkflowException("tip.error.changed-meanwhile", "Tip changed concurrently");
        }
        tips.recordStatusChange(tip.id(), tip.status(), to, scope.officerId(), reason, now);
        log.info("Tip {} moved {} -> {} by officer {}", tip.code(), tip.status(), to, scope.officerId());
    }

    private static String required(@Nullable String text, String messageKey) {
        if (text == null || text.isBlank()) {
            throw new TipWorkflowException(messageKey, "Required text missing");
        }
        String stripped = text.strip();
        if (stripped.length() > 5000) {
            throw new TipWorkflowException("tip.error.text-too-long", "Text too long");
        }
        return stripped;
    }
}
