package vn.binhyen.reports.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.audit.AuditAction;
import vn.binhyen.audit.AuditEntry;
import vn.binhyen.audit.AuditLog;
import vn.binhyen.audit.AuditRecord;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.directory.OfficerView;
import vn.binhyen.reports.DocketEventType;
import vn.binhyen.reports.DocketState;
import vn.binhyen.reports.IdentityCodec;
import vn.binhyen.reports.ProtectionRequested;
import vn.binhyen.reports.ReportKind;
import vn.binhyen.reports.ReporterIdentity;
import vn.binhyen.reports.ReporterNoticeRequested;
import vn.binhyen.reports.TipChannel;
import vn.binhyen.reports.TipNotFoundException;
import vn.binhyen.reports.TipStatus;
import vn.binhyen.reports.TipWorkflowException;
import vn.binhyen.reports.internal.RegisterStore.DocketRow;
import vn.binhyen.reports.internal.RegisterStore.EntryRow;
import vn.binhyen.reports.internal.RegisterStore.EventRow;
import vn.binhyen.reports.internal.RegisterStore.NewEvent;
import vn.binhyen.reports.internal.TipStore.TipRow;
import vn.binhyen.shared.crypto.SecretBox;

/**
 * The legal side of a report: classification, transfer, resolution clock, decisions, notices, corrections and the
 * reporter's identity. Every method checks the officer's scope first (outside it: "not found"), then the role the law
 * gives the act, and records the act in the docket's history and in the audit log.
 */
@Service
@Transactional
public class Register {

    private static final Logger log = LoggerFactory.getLogger(Register.class);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** Who is acting: their scope and their sign-in name (for the audit log). */
    public record Actor(AccessScope scope, String username) {
        long officerId() {
            return scope.officerId();
        }
    }

    public record DocketDetails(
            TipRow tip,
            EntryRow entry,
            List<EntryRow> entries,
            DocketRow docket,
            List<EventRow> events,
            List<ClockView> clocks,
            List<EventRow> procuracyOutstanding,
            List<RegisterStore.RevealRow> reveals,
            List<AuditRecord> custody,
            Map<Long, OfficerView> officers,
            boolean canDecide,
            boolean canRevealIdentity,
            @Nullable LocalDate nextExtensionLimit) {

        /** The current deadline's extension request was sent, or the chief said none is needed. */
        public boolean extensionRequestSettled() {
            return Register.extensionRequestSettled(docket, events);
        }

        public boolean anyOverdue() {
            return clocks.stream().anyMatch(ClockView::overdue);
        }

        /** The chief has forwarded the reporter's protection request to the investigation body. */
        public boolean protectionForwarded() {
            return events.stream().anyMatch(e -> e.type() == DocketEventType.PROTECTION_FORWARDED);
        }

        public List<EventRow> transferSlips() {
            return events.stream()
                    .filter(e -> e.type() == DocketEventType.TRANSFERRED)
                    .toList();
        }
    }

    private final TipStore tips;
    private final RegisterStore store;
    private final LegalClocks clocks;
    private final Directory directory;
    private final AuditLog audit;
    private final SecretBox secretBox;
    private final MessageSource messages;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Register(
            TipStore tips,
            RegisterStore store,
            LegalClocks clocks,
            Directory directory,
            AuditLog audit,
            SecretBox secretBox,
            MessageSource messages,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.tips = tips;
        this.store = store;
        this.clocks = clocks;
        this.directory = directory;
        this.audit = audit;
        this.secretBox = secretBox;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public DocketDetails details(AccessScope scope, long tipId) {
        TipRow tip = visible(scope, tipId);
        Instant now = clock.instant();
        List<EntryRow> entries = store.entries(tipId);
        DocketRow docket = store.docket(tipId).orElseThrow(TipNotFoundException::new);
        List<EventRow> events = store.events(tipId);
        List<EventRow> outstanding = store.procuracyOutstanding(tipId);
        var reveals = store.reveals(tipId);
        Set<Long> ids = new HashSet<>();
        entries.stream()
                .map(EntryRow::receivingOfficerId)
                .filter(Objects::nonNull)
                .forEach(ids::add);
        entries.stream().map(EntryRow::enteredBy).filter(Objects::nonNull).forEach(ids::add);
        events.stream().map(EventRow::officerId).filter(Objects::nonNull).forEach(ids::add);
        reveals.forEach(r -> ids.add(r.officerId()));
        Map<Long, OfficerView> officers =
                directory.officers(ids).stream().collect(Collectors.toMap(OfficerView::id, Function.identity()));
        LocalDate nextLimit = null;
        if (docket.state().canExtend() && docket.resolutionDueAt() != null && docket.extensionCount() < 2) {
            Instant limit = docket.extensionCount() == 0
                    ? clocks.firstExtensionLimit(docket.receivedAt())
                    : clocks.procuracyExtensionLimit(docket.resolutionDueAt());
            nextLimit = LegalClocks.localDate(limit.minusNanos(1));
        }
        return new DocketDetails(
                tip,
                current(entries),
                entries,
                docket,
                events,
                ClockView.of(docket, outstanding, extensionRequestSettled(docket, events), clocks, now),
                outstanding,
                reveals,
                audit.about(subject(tipId)),
                officers,
                scope.canDecideFor(tip.provinceCode(), tip.communeCode()),
                mayReveal(scope, tip),
                nextLimit);
    }

    static boolean extensionRequestSettled(DocketRow docket, List<EventRow> events) {
        return docket.resolutionDueAt() != null
                && events.stream()
                        .anyMatch(e -> DocketEventType.SETTLE_EXTENSION_REQUEST.contains(e.type())
                                && docket.resolutionDueAt().equals(e.dueBefore()));
    }

    /** Opening a report, its photo or a printout page: recorded in the audit log (the chain of custody). */
    @Transactional(readOnly = true)
    public void viewed(Actor actor, long tipId, String what) {
        visible(actor.scope(), tipId);
        audit.record(AuditEntry.byOfficer(actor.username(), actor.officerId(), AuditAction.VIEW, subject(tipId), what));
    }

    /** A change made through the tip workflow (accept, assign, reply …), recorded in the audit log. */
    public void changed(Actor actor, long tipId, String what) {
        audited(actor, tipId, what);
    }

    /** Classifying is every officer's job; a report closed as not actionable needs the chief and a reason. */
    public void classify(Actor actor, long tipId, ReportKind kind, @Nullable String reason) {
        TipRow tip = visible(actor.scope(), tipId);
        DocketRow docket = docket(tipId);
        if (!docket.state().canClassify()) {
            throw refused("register.error.closed", docket);
        }
        String why =
                kind == ReportKind.NOT_ACTIONABLE ? required(reason, "register.error.reason-required") : clean(reason);
        if (kind == ReportKind.NOT_ACTIONABLE) {
            requireDecider(actor, tip);
        }
        Instant now = clock.instant();
        DocketState next = DocketState.afterClassification(kind, docket.state());
        Instant transferDue = next == DocketState.AWAITING_TRANSFER
                ? clocks.transferDue(docket.receivedAt(), docket.remote())
                : docket.transferDueAt();
        var after = docket.classified(
                kind, why, next, transferDue, next == DocketState.UNDER_RESOLUTION ? docket.resolutionDueAt() : null);
        save(docket, after, now);
        DocketEventType type = docket.kind() == null ? DocketEventType.CLASSIFIED : DocketEventType.RECLASSIFIED;
        store.addEvent(
                tipId,
                new NewEvent(type, actor.officerId(), null, null, why, docket.kind(), kind, null, null, null, null),
                now);
        if (kind == ReportKind.NOT_ACTIONABLE && tip.status().canMoveTo(TipStatus.REJECTED)) {
            moveTip(tip, TipStatus.REJECTED, why, actor, now);
        }
        audited(actor, tipId, type + " " + kind);
    }

    /** An urgent report was reported at once to the investigation body, by the fastest means. */
    public void reportImmediately(Actor actor, long tipId, @Nullable String how) {
        visible(actor.scope(), tipId);
        DocketRow docket = docket(tipId);
        if (!docket.urgent() || docket.immediatelyReportedAt() != null) {
            throw refused("register.error.not-allowed", docket);
        }
        Instant now = clock.instant();
        save(docket, docket.reportedImmediately(now), now);
        store.addEvent(tipId, NewEvent.of(DocketEventType.IMMEDIATE_REPORT, actor.officerId(), clean(how)), now);
        audited(actor, tipId, "IMMEDIATE_REPORT");
    }

    /**
     * Hands the report to the competent body with a transfer slip (Form 03). The chief decides; the tip closes as
     * transferred and the reporter is told where it went.
     *
     * @return the id of the transfer event, which is the slip's number
     */
    public long transfer(Actor actor, long tipId, String toBody, @Nullable String reason, @Nullable LocalDate date) {
        TipRow tip = visible(actor.scope(), tipId);
        requireDecider(actor, tip);
        DocketRow docket = docket(tipId);
        if (docket.state().isClosed() || docket.state() == DocketState.SUSPENDED) {
            throw refused("register.error.closed", docket);
        }
        String body = required(toBody, "register.error.body-required");
        Instant now = clock.instant();
        save(docket, docket.with(DocketState.TRANSFERRED), now);
        long eventId = store.addEvent(
                tipId,
                new NewEvent(
                        DocketEventType.TRANSFERRED,
                        actor.officerId(),
                        decisionDate(date, tip, now),
                        body,
                        clean(reason),
                        null,
                        null,
                        docket.transferDueAt(),
                        null,
                        null,
                        null),
                now);
        if (tip.status().canMoveTo(TipStatus.TRANSFERRED)) {
            moveTip(
                    tip,
                    TipStatus.TRANSFERRED,
                    body + (reason == null || reason.isBlank() ? "" : " — " + reason.strip()),
                    actor,
                    now);
        }
        tellReporter(tip, DocketEventType.TRANSFERRED, body, eventId, now);
        audited(actor, tipId, "TRANSFERRED to " + body);
        return eventId;
    }

    /** The unit resolves the report itself: the 20-day clock from receipt applies. */
    public void startResolution(Actor actor, long tipId) {
        TipRow tip = visible(actor.scope(), tipId);
        requireDecider(actor, tip);
        DocketRow docket = docket(tipId);
        if (!docket.state().canStartResolution()) {
            throw refused("register.error.not-allowed", docket);
        }
        Instant now = clock.instant();
        Instant due = clocks.resolutionDue(docket.receivedAt());
        save(docket, docket.resolution(DocketState.UNDER_RESOLUTION, due, docket.extensionCount()), now);
        store.addEvent(
                tipId,
                new NewEvent(
                        DocketEventType.RESOLUTION_STARTED,
                        actor.officerId(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        due,
                        null,
                        null),
                now);
        audited(actor, tipId, "RESOLUTION_STARTED");
    }

    /**
     * Extends the resolution deadline: first by the unit's head up to 2 months from receipt, then once by the
     * Procuracy up to 2 more months. {@code until} null means the longest the law allows.
     */
    public void extend(
            Actor actor,
            long tipId,
            @Nullable LocalDate until,
            @Nullable String decidedBy,
            @Nullable String reason,
            @Nullable LocalDate date) {
        TipRow tip = visible(actor.scope(), tipId);
        requireDecider(actor, tip);
        DocketRow docket = docket(tipId);
        if (!docket.state().canExtend() || docket.resolutionDueAt() == null || docket.extensionCount() >= 2) {
            throw refused("register.error.no-more-extensions", docket);
        }
        boolean byProcuracy = docket.extensionCount() == 1;
        Instant limit = byProcuracy
                ? clocks.procuracyExtensionLimit(docket.resolutionDueAt())
                : clocks.firstExtensionLimit(docket.receivedAt());
        Instant due =
                clocks.extendedDue(docket.resolutionDueAt(), until == null ? null : clocks.endOfDay(until), limit);
        if (due == null) {
            throw new TipWorkflowException(
                    "register.error.extension-out-of-range",
                    "Extension date outside the allowed range",
                    LegalClocks.localDate(limit.minusNanos(1)).toString());
        }
        if (byProcuracy && (decidedBy == null || decidedBy.isBlank())) {
            throw new TipWorkflowException("register.error.procuracy-required", "Procuracy extension needs its name");
        }
        Instant now = clock.instant();
        save(docket, docket.resolution(DocketState.UNDER_RESOLUTION, due, docket.extensionCount() + 1), now);
        DocketEventType type = byProcuracy ? DocketEventType.EXTENDED_BY_PROCURACY : DocketEventType.EXTENDED;
        store.addEvent(
                tipId,
                new NewEvent(
                        type,
                        actor.officerId(),
                        decisionDate(date, tip, now),
                        clean(decidedBy),
                        clean(reason),
                        null,
                        null,
                        docket.resolutionDueAt(),
                        due,
                        null,
                        null),
                now);
        audited(actor, tipId, type.name());
    }

    /**
     * The written request for the Procuracy's extension went out (CPC Art. 147(2): at least 5 days before the
     * deadline). The extension-request clock of the current deadline stops; the deadline itself runs until the
     * Procuracy decides (recorded with {@link #extend}).
     */
    public void extensionRequested(Actor actor, long tipId, String toProcuracy, @Nullable LocalDate date) {
        TipRow tip = visible(actor.scope(), tipId);
        requireDecider(actor, tip);
        DocketRow docket = docket(tipId);
        if (!docket.state().canExtend() || docket.resolutionDueAt() == null || docket.extensionCount() != 1) {
            throw refused("register.error.no-extension-request", docket);
        }
        settleExtensionRequest(
                actor,
                docket,
                DocketEventType.EXTENSION_REQUESTED,
                decisionDate(date, tip, clock.instant()),
                required(toProcuracy, "register.error.procuracy-required"),
                null);
    }

    /** The chief decides the current deadline is enough: no warning or escalation for an extension request. */
    public void extensionNotNeeded(Actor actor, long tipId, @Nullable String reason) {
        TipRow tip = visible(actor.scope(), tipId);
        requireDecider(actor, tip);
        DocketRow docket = docket(tipId);
        if (!docket.state().canExtend() || docket.resolutionDueAt() == null || docket.extensionCount() >= 2) {
            throw refused("register.error.no-more-extensions", docket);
        }
        settleExtensionRequest(actor, docket, DocketEventType.EXTENSION_NOT_NEEDED, null, null, clean(reason));
    }

    private void settleExtensionRequest(
            Actor actor,
            DocketRow docket,
            DocketEventType type,
            @Nullable LocalDate date,
            @Nullable String decidedBy,
            @Nullable String detail) {
        long tipId = docket.tipId();
        if (extensionRequestSettled(docket, store.events(tipId))) {
            throw refused("register.error.extension-request-settled", docket);
        }
        store.addEvent(
                tipId,
                new NewEvent(
                        type,
                        actor.officerId(),
                        date,
                        decidedBy,
                        detail,
                        null,
                        null,
                        docket.resolutionDueAt(),
                        null,
                        null,
                        null),
                clock.instant());
        audited(actor, tipId, type.name());
    }

    /** Suspends resolution on one of the grounds of CPC Art. 148; the clock stops. */
    public void suspend(Actor actor, long tipId, String ground, @Nullable LocalDate date) {
        TipRow tip = visible(actor.scope(), tipId);
        requireDecider(actor, tip);
        DocketRow docket = docket(tipId);
        if (!docket.state().canSuspend()) {
            throw refused("register.error.not-allowed", docket);
        }
        decision(
                actor,
                tip,
                docket,
                DocketEventType.SUSPENDED,
                required(ground, "register.error.reason-required"),
                date,
                docket.resolution(DocketState.SUSPENDED, docket.resolutionDueAt(), docket.extensionCount()));
    }

    /** Resumes after a suspension (or the Procuracy annulled it): 1 more month from the decision. */
    public void resume(Actor actor, long tipId, @Nullable String detail, @Nullable LocalDate date) {
        TipRow tip = visible(actor.scope(), tipId);
        requireDecider(actor, tip);
        DocketRow docket = docket(tipId);
        if (!docket.state().canResume()) {
            throw refused("register.error.not-allowed", docket);
        }
        Instant now = clock.instant();
        LocalDate day = decisionDate(date, tip, now);
        Instant from = day.equals(LegalClocks.localDate(now))
                ? now
                : day.atStartOfDay(vn.binhyen.shared.VietnamTime.ZONE).toInstant();
        Instant due = clocks.resumedDue(from);
        decision(
                actor,
                tip,
                docket,
                DocketEventType.RESUMED,
                clean(detail),
                date,
                docket.resolution(DocketState.UNDER_RESOLUTION, due, docket.extensionCount()));
    }

    /** The decision that closes resolution: initiate a criminal case, or not. */
    public void decide(Actor actor, long tipId, boolean initiate, String grounds, @Nullable LocalDate date) {
        TipRow tip = visible(actor.scope(), tipId);
        requireDecider(actor, tip);
        DocketRow docket = docket(tipId);
        if (!docket.state().canDecide()) {
            throw refused("register.error.not-allowed", docket);
        }
        DocketState state = initiate ? DocketState.INITIATED : DocketState.NOT_INITIATED;
        decision(
                actor,
                tip,
                docket,
                initiate ? DocketEventType.INITIATED : DocketEventType.NOT_INITIATED,
                required(grounds, "register.error.reason-required"),
                date,
                docket.with(state));
    }

    /** The decision was sent to the Procuracy: stops its notice clock. */
    public void procuracyNotified(Actor actor, long tipId, long decisionEventId, @Nullable LocalDate date) {
        TipRow tip = visible(actor.scope(), tipId);
        if (actor.scope().isAreaOfficer()) {
            throw new TipWorkflowException("tip.error.chief-only", "Area officers do not send to the Procuracy");
        }
        boolean outstanding = store.procuracyOutstanding(tipId).stream().anyMatch(e -> e.id() == decisionEventId);
        if (!outstanding) {
            throw new TipWorkflowException("register.error.not-allowed", "No such outstanding decision");
        }
        Instant now = clock.instant();
        store.addEvent(
                tip.id(),
                new NewEvent(
                        DocketEventType.PROCURACY_NOTIFIED,
                        actor.officerId(),
                        decisionDate(date, tip, now),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        decisionEventId),
                now);
        audited(actor, tipId, "PROCURACY_NOTIFIED " + decisionEventId);
    }

    /**
     * A register line was wrong (time received, channel): the correction is a new line, with its own number, that
     * names the line it corrects. Nothing is overwritten.
     */
    public void correctEntry(
            Actor actor,
            long tipId,
            @Nullable Instant receivedAt,
            vn.binhyen.reports.@Nullable TipChannel channel,
            @Nullable String summary,
            String reason) {
        TipRow tip = visible(actor.scope(), tipId);
        requireDecider(actor, tip);
        String why = required(reason, "register.error.reason-required");
        EntryRow old = current(store.entries(tipId));
        Instant now = clock.instant();
        if (receivedAt != null && receivedAt.isAfter(now)) {
            throw new TipWorkflowException("register.error.future", "Received time in the future");
        }
        int year = LegalClocks.localDate(now).getYear();
        int number = store.nextNumber(tip.communeCode(), year);
        store.insertEntry(
                tipId,
                tip.provinceCode(),
                tip.communeCode(),
                year,
                number,
                receivedAt == null ? old.receivedAt() : receivedAt,
                channel == null ? old.channel() : channel,
                old.receivingOfficerId(),
                summary == null || summary.isBlank() ? old.summary() : RegisterBook.summary(summary),
                old.id(),
                why,
                actor.officerId(),
                now);
        store.addEvent(
                tipId, NewEvent.of(DocketEventType.ENTRY_CORRECTED, actor.officerId(), old.label() + ": " + why), now);
        audited(actor, tipId, "ENTRY_CORRECTED " + old.label() + " -> " + number + "/" + year);
    }

    /** The reporter asked for protection (CPC Art. 484): recorded and routed to the chief. */
    public void requestProtection(Actor actor, long tipId, String note) {
        visible(actor.scope(), tipId);
        recordProtectionRequest(tipId, actor.officerId(), required(note, "register.error.reason-required"));
        audited(actor, tipId, "PROTECTION_REQUESTED");
    }

    /** When the reporter (or an officer for them) first asked for protection, if they did. */
    @Transactional(readOnly = true)
    public @Nullable Instant protectionRequestedAt(long tipId) {
        return store.docket(tipId).map(DocketRow::protectionRequestedAt).orElse(null);
    }

    public void recordProtectionRequest(long tipId, @Nullable Long officerId, String note) {
        DocketRow docket = docket(tipId);
        Instant now = clock.instant();
        boolean first = docket.protectionRequestedAt() == null;
        if (first) {
            save(docket, docket.protectionRequested(now), now);
        }
        store.addEvent(tipId, NewEvent.of(DocketEventType.PROTECTION_REQUESTED, officerId, note), now);
        if (first) {
            TipRow tip = tips.byId(tipId).orElseThrow(TipNotFoundException::new);
            events.publishEvent(
                    new ProtectionRequested(tip.id(), tip.code(), tip.provinceCode(), tip.communeCode(), now));
        }
    }

    /**
     * The chief forwards the reporter's protection request to the investigation body that decides on measures (CPC
     * Art. 485; commune police do not decide it themselves). Recorded once, and the reporter is told where it went.
     */
    public void forwardProtectionRequest(Actor actor, long tipId, String recipient) {
        TipRow tip = visible(actor.scope(), tipId);
        requireDecider(actor, tip);
        DocketRow docket = docket(tipId);
        if (docket.protectionRequestedAt() == null) {
            throw new TipWorkflowException("register.error.no-protection-request", "No protection request");
        }
        if (store.events(tipId).stream().anyMatch(e -> e.type() == DocketEventType.PROTECTION_FORWARDED)) {
            throw new TipWorkflowException(
                    "register.error.protection-forwarded", "Protection request already forwarded");
        }
        String to = required(recipient, "register.error.protection-recipient");
        Instant now = clock.instant();
        long eventId =
                store.addEvent(tipId, NewEvent.of(DocketEventType.PROTECTION_FORWARDED, actor.officerId(), to), now);
        tellReporter(tip, DocketEventType.PROTECTION_FORWARDED, to, eventId, now);
        audited(actor, tipId, "PROTECTION_FORWARDED");
    }

    /**
     * The reporter's identity, for the assigned officer or the commune chief, after they state why. The reveal is
     * recorded with the reason, and in the audit log; nobody else gets it, whatever the URL.
     */
    public ReporterIdentity revealIdentity(Actor actor, long tipId, String reason) {
        TipRow tip = visible(actor.scope(), tipId);
        if (!mayReveal(actor.scope(), tip)) {
            throw new TipWorkflowException("register.error.reveal-not-allowed", "Not allowed to see the reporter");
        }
        String why = required(reason, "register.error.reveal-reason-required");
        byte[] sealed = store.sealedIdentity(tipId)
                .orElseThrow(() -> new TipWorkflowException("register.error.no-identity", "Anonymous tip"));
        ReporterIdentity identity = IdentityCodec.decode(secretBox.open(sealed, "tip:" + tipId));
        Instant now = clock.instant();
        store.addReveal(tipId, actor.officerId(), "VIEW", why, now);
        audit.record(AuditEntry.byOfficer(
                actor.username(), actor.officerId(), AuditAction.IDENTITY_REVEAL, subject(tipId), why));
        log.info("Reporter identity of tip {} revealed to officer {} (reason recorded)", tip.code(), actor.officerId());
        return identity;
    }

    /** For printouts: the identity when the actor may see it and gave a reason (recorded), else null. */
    @Nullable
    ReporterIdentity identityForPrintout(Actor actor, TipRow tip, @Nullable String reason) {
        if (reason == null || reason.isBlank() || !mayReveal(actor.scope(), tip)) {
            return null;
        }
        var sealed = store.sealedIdentity(tip.id());
        if (sealed.isEmpty()) {
            return null;
        }
        store.addReveal(tip.id(), actor.officerId(), "PRINTOUT", reason.strip(), clock.instant());
        audit.record(AuditEntry.byOfficer(
                actor.username(),
                actor.officerId(),
                AuditAction.IDENTITY_REVEAL,
                subject(tip.id()),
                "printout: " + reason.strip()));
        return IdentityCodec.decode(secretBox.open(sealed.get(), "tip:" + tip.id()));
    }

    /** Only the officer the report is assigned to, and the chief of its commune. */
    static boolean mayReveal(AccessScope scope, TipRow tip) {
        if (!scope.covers(tip.provinceCode(), tip.communeCode(), tip.villageId(), tip.assignedOfficerId())) {
            return false;
        }
        if (scope.role() == OfficerRole.COMMUNE_CHIEF) {
            return scope.unitCode().equals(tip.communeCode());
        }
        return tip.assignedOfficerId() != null
                && tip.assignedOfficerId() == scope.officerId()
                && scope.role() != OfficerRole.PROVINCE_COMMAND;
    }

    TipRow visible(AccessScope scope, long tipId) {
        return tips.byId(tipId)
                .filter(t -> scope.covers(t.provinceCode(), t.communeCode(), t.villageId(), t.assignedOfficerId()))
                .orElseThrow(TipNotFoundException::new);
    }

    static String subject(long tipId) {
        return "tip:" + tipId;
    }

    private void decision(
            Actor actor,
            TipRow tip,
            DocketRow docket,
            DocketEventType type,
            @Nullable String detail,
            @Nullable LocalDate date,
            DocketRow after) {
        Instant now = clock.instant();
        save(docket, after, now);
        Instant procuracyDue = DocketEventType.NOTIFY_PROCURACY.contains(type)
                ? (type == DocketEventType.RESUMED
                        ? now.plus(clocks.rules().resumptionNoticeLimit())
                        : clocks.procuracyNoticeDue(now))
                : null;
        long eventId = store.addEvent(
                tip.id(),
                new NewEvent(
                        type,
                        actor.officerId(),
                        decisionDate(date, tip, now),
                        null,
                        detail,
                        null,
                        null,
                        docket.resolutionDueAt(),
                        after.resolutionDueAt(),
                        procuracyDue,
                        null),
                now);
        tellReporter(tip, type, detail, eventId, now);
        audited(actor, tip.id(), type.name());
    }

    /** The reporter is told the result on their status page, unless they chose anonymity. */
    private void tellReporter(TipRow tip, DocketEventType type, @Nullable String detail, long eventId, Instant now) {
        if (tip.anonymous() || !DocketEventType.TELL_REPORTER.contains(type)) {
            return;
        }
        String text = messages.getMessage(
                "register.notice." + type.name(), new Object[] {detail == null ? "" : detail}, VIETNAMESE);
        tips.addMessage(tip.id(), true, null, text, now);
        if (tip.channel() == TipChannel.ZALO) {
            events.publishEvent(new ReporterNoticeRequested(
                    tip.id(), tip.communeCode(), "result:" + tip.id() + ":" + eventId, tip.code() + ": " + text));
        }
        store.addEvent(
                tip.id(),
                new NewEvent(
                        DocketEventType.REPORTER_NOTIFIED,
                        null,
                        null,
                        null,
                        type.name(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        eventId),
                now);
    }

    private void moveTip(TipRow tip, TipStatus to, @Nullable String reason, Actor actor, Instant now) {
        if (!tips.updateStatus(tip, to, tip.assignedOfficerId(), null, reason, now)) {
            throw new TipWorkflowException("tip.error.changed-meanwhile", "Tip changed concurrently");
        }
        tips.recordStatusChange(tip.id(), tip.status(), to, actor.officerId(), reason, now);
    }

    private void save(DocketRow before, DocketRow after, Instant now) {
        if (!store.update(before, after, now)) {
            throw new TipWorkflowException("tip.error.changed-meanwhile", "Docket changed concurrently");
        }
    }

    private DocketRow docket(long tipId) {
        return store.docket(tipId).orElseThrow(TipNotFoundException::new);
    }

    private void audited(Actor actor, long tipId, String what) {
        audit.record(
                AuditEntry.byOfficer(actor.username(), actor.officerId(), AuditAction.CHANGE, subject(tipId), what));
    }

    private static void requireDecider(Actor actor, TipRow tip) {
        if (!actor.scope().canDecideFor(tip.provinceCode(), tip.communeCode())) {
            throw new TipWorkflowException("tip.error.chief-only", "Only the chief decides this");
        }
    }

    private static TipWorkflowException refused(String key, DocketRow docket) {
        return new TipWorkflowException(
                key,
                "Not allowed in docket state " + docket.state(),
                docket.state().labelKey());
    }

    /** The day a decision was made: today unless given, never in the future, never before the report was received. */
    private static LocalDate decisionDate(@Nullable LocalDate date, TipRow tip, Instant now) {
        LocalDate today = LegalClocks.localDate(now);
        if (date == null) {
            return today;
        }
        if (date.isAfter(today)) {
            throw new TipWorkflowException("register.error.future", "Decision date in the future");
        }
        if (date.isBefore(LegalClocks.localDate(tip.receivedAt()))) {
            throw new TipWorkflowException("register.error.before-receipt", "Decision date before the receipt");
        }
        return date;
    }

    static EntryRow current(List<EntryRow> entries) {
        Set<Long> corrected = entries.stream()
                .map(EntryRow::correctsEntryId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return entries.stream()
                .filter(e -> !corrected.contains(e.id()))
                .reduce((a, b) -> b)
                .orElseThrow(TipNotFoundException::new);
    }

    private static String required(@Nullable String text, String messageKey) {
        if (text == null || text.isBlank()) {
            throw new TipWorkflowException(messageKey, "Required text missing");
        }
        String stripped = text.strip();
        if (stripped.length() > 2000) {
            throw new TipWorkflowException("tip.error.text-too-long", "Text too long");
        }
        return stripped;
    }

    private static @Nullable String clean(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return required(text, "tip.error.text-too-long");
    }
}
