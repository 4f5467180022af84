package vn.binhyen.reports;

import jakarta.validation.Valid;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;
import vn.binhyen.directory.CommuneView;
import vn.binhyen.directory.Directory;
import vn.binhyen.reports.internal.RegisterBook;
import vn.binhyen.reports.internal.TipCodes;
import vn.binhyen.reports.internal.TipSearchText;
import vn.binhyen.reports.internal.TipStore;
import vn.binhyen.reports.internal.TipStore.TipRow;
import vn.binhyen.shared.crypto.SecretBox;
import vn.binhyen.shared.text.TypedText;

/**
 * Receives tips from every channel and serves the resident's side of the dialogue. A tip that passed validation is
 * registered in its own transaction before any photo is stored, so a failing photo never loses the tip.
 */
@Service
@Validated
public class TipIntake {

    private static final Logger log = LoggerFactory.getLogger(TipIntake.class);

    private final TipStore tips;
    private final Directory directory;
    private final AttachmentPolicy attachmentPolicy;
    private final SecretBox secretBox;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final RegisterBook register;
    private final vn.binhyen.reports.internal.Register protection;
    private final MessageSource messages;

    TipIntake(
            TipStore tips,
            Directory directory,
            AttachmentPolicy attachmentPolicy,
            SecretBox secretBox,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            Clock clock,
            RegisterBook register,
            vn.binhyen.reports.internal.Register protection,
            MessageSource messages) {
        this.messages = messages;
        this.register = register;
        this.protection = protection;
        this.tips = tips;
        this.directory = directory;
        this.attachmentPolicy = attachmentPolicy;
        this.secretBox = secretBox;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A report from a resident's channel: it is entered in the register with no receiving officer. */
    public TipReceipt submit(@Valid NewTip tip) {
        return receive(tip, null);
    }

    /**
     * A report an officer takes in person, by phone or from an agency's letter: the officer is the receiving officer
     * on the register line. The caller has checked the officer belongs to the commune.
     */
    public TipReceipt submitByOfficer(@Valid NewTip tip, long receivingOfficerId) {
        return receive(tip, receivingOfficerId);
    }

    private TipReceipt receive(NewTip tip, @org.jspecify.annotations.Nullable Long receivingOfficerId) {
        CommuneView commune = directory.commune(tip.communeCode()).orElseThrow(UnknownPlaceException::commune);
        String villageName = null;
        if (tip.villageId() != null) {
            var village = directory
                    .village(tip.villageId())
                    .filter(v -> v.communeCode().equals(commune.code()))
                    .orElseThrow(UnknownPlaceException::village);
            // A resident choosing on the portal or through the API picks again from today's villages. A tip an officer
            // takes down (from a Zalo thread, a call, a visit) keeps the village it was recorded with: it still has
            // its area officer, and a tip is never turned away for where it came from.
            if (village.retired() && (tip.channel() == TipChannel.PORTAL || tip.channel() == TipChannel.API)) {
                throw UnknownPlaceException.retiredVillage();
            }
            villageName = village.name();
        }
        attachmentPolicy.check(tip.attachments());

        String code = TipCodes.newCode();
        String secret = TipCodes.newSecret();
        Instant now = clock.instant();
        var row = new TipRow(
                0,
                code,
                TipCodes.hashSecret(secret),
                commune.provinceCode(),
                commune.code(),
                tip.villageId(),
                tip.category(),
                tip.description().strip(),
                tip.occurredAt(),
                blankToNull(tip.place()),
                tip.latitude(),
                tip.longitude(),
                tip.urgent(),
                tip.anonymous(),
                tip.channel(),
                TipStatus.RECEIVED,
                null,
                null,
                now,
                null,
                null,
                0);
        String searchText = TipSearchText.of(code, tip.description(), tip.place(), villageName);
        String[] registerLine = new String[1];
        long tipId = transaction.execute(status -> {
            long id = tips.insert(row, searchText);
            if (!tip.anonymous()) {
                tips.sealIdentity(id, secretBox.seal(IdentityCodec.encode(tip.reporter()), "tip:" + id));
            }
            tips.recordStatusChange(id, null, TipStatus.RECEIVED, receivingOfficerId, null, now);
            registerLine[0] = register.enter(
                    id, commune, now, tip.channel(), tip.urgent(), tip.description(), receivingOfficerId, now);
            events.publishEvent(new TipReceived(
                    id,
                    code,
                    commune.provinceCode(),
                    commune.code(),
                    tip.villageId(),
                    tip.category(),
                    tip.channel(),
                    tip.urgent(),
                    now,
                    tip.description().strip(),
                    blankToNull(tip.place()),
                    tip.latitude(),
                    tip.longitude(),
                    tip.occurredAt()));
            if (!tip.anonymous() && tip.channel() == TipChannel.ZALO) {
                // The resident who identified themselves on Zalo gets the receipt on Zalo (the code, never the secret).
                events.publishEvent(new ReporterNoticeRequested(
                        id,
                        commune.code(),
                        "receipt:" + id,
                        messages.getMessage(
                                "register.notice.RECEIVED",
                                new Object[] {
                                    commune.policeUnitName() == null ? commune.fullName() : commune.policeUnitName(),
                                    code,
                                    registerLine[0]
                                },
                                java.util.Locale.forLanguageTag("vi"))));
            }
            return id;
        });
        log.info(
                "Tip {} received through {} for commune {}, register line {}",
                code,
                tip.channel(),
                commune.code(),
                registerLine[0]);

        int stored = 0;
        int failed = 0;
        for (NewAttachment attachment : tip.attachments()) {
            if (storeAttachment(tipId, attachment, "RESIDENT")) {
                stored++;
            } else {
                failed++;
            }
        }
        return new TipReceipt(code, secret, now, stored, failed, tipId, registerLine[0]);
    }

    @Transactional(readOnly = true)
    public ResidentTipView residentView(String code, String secret) {
        TipRow tip = verified(code, secret);
        var messages = tips.messages(tip.id()).stream()
                .map(m -> new ResidentTipView.DialogueMessage(m.fromPolice(), m.body(), m.createdAt()))
                .toList();
        return new ResidentTipView(
                tip.code(),
                tip.communeCode(),
                tip.category(),
                tip.status(),
                tip.receivedAt(),
                tip.anonymous(),
                messages,
                protection.protectionRequestedAt(tip.id()));
    }

    @Transactional
    public void addResidentMessage(String code, String secret, String body) {
        TipRow tip = verified(code, secret);
        String text = body == null ? "" : TypedText.normalized(body);
        if (text.isEmpty() || text.length() > 2000) {
            throw new TipWorkflowException("tip.message.size", "Resident message empty or too long");
        }
        tips.addMessage(tip.id(), false, null, text, clock.instant());
    }

    /**
     * The resident asks for protection as a reporter (CPC Art. 484): recorded on the docket and routed to the chief,
     * who sees it on the report and in the register.
     */
    @Transactional
    public void requestProtection(String code, String secret, String note) {
        TipRow tip = verified(code, secret);
        if (tip.anonymous()) {
            // The police cannot protect someone they do not know; the note itself must not become a way to leave an
            // identity in the docket's history, which every officer in scope reads.
            throw new TipWorkflowException("tip.protection.anonymous", "Protection asked on an anonymous tip");
        }
        String text = note == null ? "" : TypedText.normalized(note);
        if (text.isEmpty() || text.length() > 2000) {
            throw new TipWorkflowException("tip.protection.size", "Protection request empty or too long");
        }
        protection.recordProtectionRequest(tip.id(), null, text);
        log.info("Tip {}: the reporter asked for protection", tip.code());
    }

    private TipRow verified(String code, String secret) {
        return tips.byCode(TipCodes.normalizeCode(code == null ? "" : code))
                .filter(t -> secret != null && TipCodes.secretMatches(secret, t.secretHash()))
                .orElseThrow(TipNotFoundException::new);
    }

    /** Stores one photo in its own transaction; a failure is noted on the tip and never undoes the tip. */
    private boolean storeAttachment(long tipId, NewAttachment attachment, String addedBy) {
        try {
            transaction.executeWithoutResult(status -> tips.addAttachment(
                    tipId,
                    safeFileName(attachment.fileName()),
                    attachmentPolicy.contentTypeOf(attachment.content()),
                    attachment.content(),
                    sha256(attachment.content()),
                    addedBy,
                    clock.instant()));
            return true;
        } catch (RuntimeException e) {
            log.error("Photo for tip id {} could not be stored: {}", tipId, e.getMessage());
            return false;
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String safeFileName(String name) {
        String base = name == null
                ? ""
                : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (base.isEmpty()) {
            return "anh";
        }
        return base.length() > 120 ? base.substring(base.length() - 120) : base;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
