package vn.binhyen.reports.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.audit.AuditAction;
import vn.binhyen.audit.AuditEntry;
import vn.binhyen.audit.AuditLog;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.reports.IdentityCodec;
import vn.binhyen.reports.ReporterIdentity;
import vn.binhyen.reports.TipNotFoundException;
import vn.binhyen.reports.TipWorkflowException;
import vn.binhyen.reports.internal.Register.Actor;
import vn.binhyen.reports.internal.RegisterStore.EntryRow;
import vn.binhyen.reports.internal.RegisterStore.EventRow;
import vn.binhyen.reports.internal.TipStore.TipRow;
import vn.binhyen.shared.crypto.SecretBox;

/**
 * Register exports (Excel, PDF) and printouts (receipt record, transfer slip). Each one is an audit entry. The
 * reporter's identity is redacted unless the exporter has the right (the commune chief for the register; the chief or
 * the assigned officer for one report) and states a reason, which is recorded.
 */
@Service
@Transactional
public class RegisterExports {

    /** The paper register's columns, as message keys. */
    public static final List<String> COLUMNS = List.of(
            "export.col.number",
            "export.col.received",
            "export.col.reporter",
            "export.col.channel",
            "export.col.content",
            "export.col.kind",
            "export.col.receiver",
            "export.col.result",
            "export.col.note");

    private static final Locale VI = Locale.forLanguageTag("vi");

    public record Row(List<String> cells) {}

    public record File(String name, String contentType, byte[] content) {}

    private final RegisterQuery query;
    private final RegisterDocuments documents;
    private final Register register;
    private final RegisterStore store;
    private final Directory directory;
    private final AuditLog audit;
    private final SecretBox secretBox;
    private final MessageSource messages;

    RegisterExports(
            RegisterQuery query,
            RegisterDocuments documents,
            Register register,
            RegisterStore store,
            Directory directory,
            AuditLog audit,
            SecretBox secretBox,
            MessageSource messages) {
        this.query = query;
        this.documents = documents;
        this.register = register;
        this.store = store;
        this.directory = directory;
        this.audit = audit;
        this.secretBox = secretBox;
        this.messages = messages;
    }

    /** The register of a period as an Excel workbook or a PDF. */
    public File register(Actor actor, LocalDate from, LocalDate to, boolean pdf, @Nullable String revealReason) {
        if (to.isBefore(from) || from.plusYears(2).isBefore(to)) {
            throw new TipWorkflowException("register.error.period", "Bad export period");
        }
        AccessScope scope = actor.scope();
        boolean withIdentity = revealReason != null && !revealReason.isBlank();
        if (withIdentity && scope.role() != OfficerRole.COMMUNE_CHIEF) {
            throw new TipWorkflowException("register.error.reveal-not-allowed", "Only the chief exports identities");
        }
        List<RegisterQuery.Line> lines = query.period(scope, from, to);
        List<Row> rows = new ArrayList<>();
        for (RegisterQuery.Line line : lines) {
            ReporterIdentity identity = null;
            if (withIdentity && line.identityOnFile()) {
                identity = store.sealedIdentity(line.tipId())
                        .map(s -> IdentityCodec.decode(secretBox.open(s, "tip:" + line.tipId())))
                        .orElse(null);
            }
            rows.add(row(line, identity));
        }
        String period = msg("export.period", from.format(RegisterDocuments.DATE), to.format(RegisterDocuments.DATE));
        String unit = directory
                .commune(scope.unitCode())
                .map(c -> c.policeUnitName() == null ? c.fullName() : c.policeUnitName())
                .orElse(scope.unitCode());
        audit.record(AuditEntry.byOfficer(
                actor.username(),
                actor.officerId(),
                withIdentity ? AuditAction.IDENTITY_REVEAL : AuditAction.EXPORT,
                "register:" + scope.unitCode(),
                (pdf ? "pdf " : "xlsx ") + from + ".." + to + ", " + rows.size() + " lines"
                        + (withIdentity ? ", identities: " + revealReason.strip() : "")));
        String name = "so-tiep-nhan-" + from + "-" + to;
        String title = msg("export.title") + " — " + unit;
        if (pdf) {
            return new File(name + ".pdf", "application/pdf", documents.registerBook(title, period, rows, this::msg));
        }
        return new File(
                name + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                excel(title, period, rows));
    }

    /** The receipt record (Form 01 data) of one report. */
    public File receiptRecord(Actor actor, long tipId, @Nullable String revealReason) {
        TipRow tip = register.visible(actor.scope(), tipId);
        EntryRow entry = Register.current(store.entries(tipId));
        var data = formData(actor, tip, entry, revealReason);
        audit.record(AuditEntry.byOfficer(
                actor.username(), actor.officerId(), AuditAction.EXPORT, Register.subject(tipId), "receipt record"));
        return new File(
                "bien-ban-tiep-nhan-" + entry.number() + "-" + entry.year() + ".pdf",
                "application/pdf",
                documents.receiptRecord(data));
    }

    /** The transfer slip (Form 03 data) of one transfer decision. */
    public File transferSlip(Actor actor, long tipId, long eventId, @Nullable String revealReason) {
        TipRow tip = register.visible(actor.scope(), tipId);
        EventRow transfer = store.events(tipId).stream()
                .filter(e -> e.id() == eventId && e.type() == vn.binhyen.reports.DocketEventType.TRANSFERRED)
                .findFirst()
                .orElseThrow(TipNotFoundException::new);
        EntryRow entry = Register.current(store.entries(tipId));
        var data = formData(actor, tip, entry, revealReason);
        String decidedBy = transfer.officerId() == null
                ? "—"
                : directory.officer(transfer.officerId()).map(o -> o.fullName()).orElse("—");
        audit.record(AuditEntry.byOfficer(
                actor.username(),
                actor.officerId(),
                AuditAction.EXPORT,
                Register.subject(tipId),
                "transfer slip " + eventId));
        return new File(
                "phieu-chuyen-" + eventId + ".pdf",
                "application/pdf",
                documents.transferSlip(new RegisterDocuments.TransferData(
                        data,
                        eventId,
                        transfer.decidedBy() == null ? "—" : transfer.decidedBy(),
                        transfer.detail(),
                        decidedBy,
                        transfer.decisionDate() == null
                                ? ""
                                : transfer.decisionDate().format(RegisterDocuments.DATE))));
    }

    private RegisterDocuments.FormData formData(Actor actor, TipRow tip, EntryRow entry, @Nullable String reason) {
        var commune = directory.commune(tip.communeCode()).orElseThrow(TipNotFoundException::new);
        var docket = store.docket(tip.id()).orElseThrow(TipNotFoundException::new);
        ReporterIdentity identity = tip.anonymous() ? null : register.identityForPrintout(actor, tip, reason);
        String receiver = entry.receivingOfficerId() == null
                ? null
                : directory
                        .officer(entry.receivingOfficerId())
                        .map(o -> o.fullName())
                        .orElse(null);
        return new RegisterDocuments.FormData(
                msg("print.superior", commune.provinceName()),
                commune.policeUnitName() == null ? commune.fullName() : commune.policeUnitName(),
                commune.fullName(),
                entry.label(),
                tip.code(),
                entry.receivedAt(),
                msg("tip.channel." + entry.channel().name()),
                receiver,
                docket.kind() == null
                        ? msg("register.kind.none")
                        : msg(docket.kind().labelKey()),
                tip.description(),
                tip.place(),
                tip.anonymous(),
                identity);
    }

    private Row row(RegisterQuery.Line line, @Nullable ReporterIdentity identity) {
        String reporter = line.anonymous()
                ? msg("print.reporter.anonymous")
                : identity != null ? describe(identity) : msg("print.reporter.protected");
        String note = line.correctsEntryId() == null
                ? (line.urgent() ? msg("export.urgent") : "")
                : msg("export.corrects", line.correctedLabel(), line.correctionReason());
        String result = msg(line.state().labelKey());
        if (line.lastDecision() != null) {
            String[] parts = line.lastDecision().split(": ", 2);
            result = msg("register.event." + parts[0]) + (parts.length > 1 ? ": " + parts[1] : "");
        }
        return new Row(List.of(
                line.label(),
                RegisterDocuments.TIME.format(line.receivedAt()),
                reporter,
                msg("tip.channel." + line.channel().name()),
                line.summary() + " (" + line.tipCode() + ")",
                line.kind() == null
                        ? msg("register.kind.none")
                        : msg(line.kind().labelKey()),
                line.receivingOfficer() == null ? msg("register.receiver.online") : line.receivingOfficer(),
                result,
                note));
    }

    static String describe(ReporterIdentity id) {
        List<String> parts = new ArrayList<>();
        for (String value : new String[] {id.fullName(), id.phone(), id.address(), id.idNumber(), id.zaloUserId()}) {
            if (value != null && !value.isBlank()) {
                parts.add(value.strip());
            }
        }
        return String.join(", ", parts);
    }

    private byte[] excel(String title, String period, List<Row> rows) {
        try (var book = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(msg("export.sheet"));
            CellStyle bold = book.createCellStyle();
            var font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = book.createCellStyle();
            wrap.setWrapText(true);
            sheet.createRow(0).createCell(0).setCellValue(title);
            sheet.getRow(0).getCell(0).setCellStyle(bold);
            sheet.createRow(1).createCell(0).setCellValue(period);
            var header = sheet.createRow(3);
            for (int c = 0; c < COLUMNS.size(); c++) {
                var cell = header.createCell(c);
                cell.setCellValue(msg(COLUMNS.get(c)));
                cell.setCellStyle(bold);
            }
            int r = 4;
            for (Row row : rows) {
                var line = sheet.createRow(r++);
                for (int c = 0; c < row.cells().size(); c++) {
                    var cell = line.createCell(c);
                    cell.setCellValue(row.cells().get(c));
                    cell.setCellStyle(wrap);
                }
            }
            int[] widths = {10, 18, 28, 14, 60, 22, 22, 30, 26};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.createFreezePane(0, 4);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, VI);
    }
}
