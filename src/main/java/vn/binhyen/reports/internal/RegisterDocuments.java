package vn.binhyen.reports.internal;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.binhyen.reports.ReporterIdentity;
import vn.binhyen.shared.VietnamTime;

/**
 * The printouts, made with OpenPDF and a font that has every Vietnamese letter (DejaVu Sans, shipped in the jar): the
 * receipt record (data of Form 01), the transfer slip (data of Form 03) and the register for a period in the columns
 * of the paper book. A reporter's identity appears only when the caller passes it (the right was checked and the
 * reason recorded); otherwise the printout says "protected reporter".
 */
@Component
public class RegisterDocuments {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(VietnamTime.ZONE);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME_OF_DAY =
            DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút'").withZone(VietnamTime.ZONE);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("dd").withZone(VietnamTime.ZONE);
    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("MM").withZone(VietnamTime.ZONE);
    private static final DateTimeFormatter YEAR =
            DateTimeFormatter.ofPattern("yyyy").withZone(VietnamTime.ZONE);
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final MessageSource messages;
    private final BaseFont regular;
    private final BaseFont bold;

    RegisterDocuments(MessageSource messages) {
        this.messages = messages;
        this.regular = font("/fonts/DejaVuSans.ttf");
        this.bold = font("/fonts/DejaVuSans-Bold.ttf");
    }

    /** What a form needs about the report, already read and checked by the caller. */
    public record FormData(
            String superiorName,
            String unitName,
            String communeName,
            String registerLabel,
            String tipCode,
            java.time.Instant receivedAt,
            String channel,
            @Nullable String receivingOfficer,
            String kind,
            String description,
            @Nullable String place,
            boolean anonymous,
            @Nullable ReporterIdentity identity) {}

    public record TransferData(
            FormData report,
            long slipNumber,
            String toBody,
            @Nullable String reason,
            String decidedBy,
            String date) {}

    /**
     * Form 01 in the official order: the agency block and the national motto side by side, the form's number, the
     * document number and place-date line, the title, the opening sentence, numbered parts, the closing sentence and
     * the signatures with their "(Ký, ghi rõ họ tên)" lines.
     */
    public byte[] receiptRecord(FormData data) {
        return pdf(PageSize.A4, doc -> {
            header(
                    doc,
                    data,
                    msg("print.form01.form"),
                    "Số: " + data.registerLabel() + "/BB-TN",
                    DATE.format(java.time.LocalDate.ofInstant(data.receivedAt(), VietnamTime.ZONE)));
            title(doc, msg("print.form01.title"), null);
            doc.add(text(format(
                    "print.form01.opening",
                    TIME_OF_DAY.format(data.receivedAt()),
                    DAY.format(data.receivedAt()),
                    MONTH.format(data.receivedAt()),
                    YEAR.format(data.receivedAt()),
                    data.unitName())));
            doc.add(numbered(1, msg("print.receiving-officer"), orDash(data.receivingOfficer())));
            doc.add(numbered(2, msg("print.reporter"), reporter(data)));
            doc.add(numbered(3, msg("print.channel"), data.channel()));
            doc.add(numbered(4, msg("print.register-number"), data.registerLabel() + " · " + data.tipCode()));
            doc.add(numbered(5, msg("print.kind"), data.kind()));
            doc.add(numbered(6, msg("print.place"), orDash(data.place())));
            doc.add(numbered(7, msg("print.content"), data.description()));
            doc.add(text(msg("print.form01.closing")));
            signatures(doc, msg("print.sign.reporter"), msg("print.sign.receiver"));
        });
    }

    /**
     * Form 03: the same header with the slip's number, "Kính gửi" the receiving body, the legal basis, numbered parts,
     * then "Nơi nhận" on the left and the chief's signature on the right.
     */
    public byte[] transferSlip(TransferData data) {
        FormData r = data.report();
        return pdf(PageSize.A4, doc -> {
            header(doc, r, msg("print.form03.form"), "Số: " + data.slipNumber() + "/PC", data.date());
            title(doc, msg("print.form03.title"), msg("print.form03.to") + " " + data.toBody());
            doc.add(text(msg("print.form03.basis")));
            doc.add(text(format("print.form03.opening", r.unitName(), data.toBody())));
            doc.add(numbered(1, msg("print.register-number"), r.registerLabel() + " · " + r.tipCode()));
            doc.add(numbered(2, msg("print.received-at"), TIME.format(r.receivedAt())));
            doc.add(numbered(3, msg("print.channel"), r.channel()));
            doc.add(numbered(4, msg("print.reporter"), reporter(r)));
            doc.add(numbered(5, msg("print.kind"), r.kind()));
            doc.add(numbered(6, msg("print.content"), r.description()));
            doc.add(numbered(7, msg("print.transfer-reason"), orDash(data.reason())));
            doc.add(numbered(8, msg("print.decided"), data.decidedBy() + " · " + data.date()));
            PdfPTable bottom = new PdfPTable(2);
            bottom.setWidthPercentage(100);
            bottom.setSpacingBefore(24);
            Paragraph recipients = new Paragraph(msg("print.form03.recipients"), new Font(bold, 9));
            recipients.add(new Phrase(
                    "\n- " + msg("print.form03.as-above") + ";\n- " + msg("print.form03.procuracy") + ";\n- "
                            + msg("print.form03.file") + ".",
                    new Font(regular, 9)));
            bottom.addCell(noBorder(recipients));
            Paragraph sign = new Paragraph(msg("print.sign.chief"), new Font(bold, 11));
            sign.add(new Phrase("\n" + msg("print.sign.seal"), new Font(regular, 9)));
            PdfPCell right = noBorder(sign);
            right.setHorizontalAlignment(Element.ALIGN_CENTER);
            bottom.addCell(right);
            doc.add(bottom);
        });
    }

    /** The register of a period, one row per line, in the paper book's columns. */
    public byte[] registerBook(
            String title, String period, List<RegisterExports.Row> rows, Function<String, String> label) {
        return pdf(PageSize.A4.rotate(), doc -> {
            Paragraph heading = new Paragraph(title, new Font(bold, 13));
            heading.setAlignment(Element.ALIGN_CENTER);
            doc.add(heading);
            Paragraph sub = new Paragraph(period, new Font(regular, 10));
            sub.setAlignment(Element.ALIGN_CENTER);
            sub.setSpacingAfter(8);
            doc.add(sub);
            List<String> columns = RegisterExports.COLUMNS;
            PdfPTable table = new PdfPTable(new float[] {5, 9, 13, 8, 26, 10, 10, 12, 9});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String column : columns) {
                PdfPCell cell = new PdfPCell(new Phrase(label.apply(column), new Font(bold, 8)));
                cell.setBackgroundColor(new java.awt.Color(230, 236, 233));
                table.addCell(cell);
            }
            for (RegisterExports.Row row : rows) {
                for (String value : row.cells()) {
                    table.addCell(new PdfPCell(new Phrase(value, new Font(regular, 8))));
                }
            }
            doc.add(table);
        });
    }

    private String reporter(FormData data) {
        if (data.anonymous()) {
            return msg("print.reporter.anonymous");
        }
        ReporterIdentity id = data.identity();
        if (id == null) {
            return msg("print.reporter.protected");
        }
        return RegisterExports.describe(id);
    }

    /**
     * The block every police paper starts with (Decree 30/2020 layout): on the left the superior body, the unit in
     * bold, the document number; on the right the national name and motto in bold, the form number above them, and
     * the place and date in italics below.
     */
    private void header(Document doc, FormData data, String form, String number, String dated)
            throws DocumentException {
        Paragraph formLine = new Paragraph(form, new Font(regular, 8, Font.ITALIC));
        formLine.setAlignment(Element.ALIGN_RIGHT);
        doc.add(formLine);
        PdfPTable top = new PdfPTable(new float[] {42, 58});
        top.setWidthPercentage(100);
        Paragraph agency = new Paragraph(data.superiorName().toUpperCase(VI), new Font(regular, 10));
        agency.add(new Phrase("\n" + data.unitName().toUpperCase(VI), new Font(bold, 10)));
        agency.add(new Phrase("\n———————\n" + number, new Font(regular, 10)));
        PdfPCell left = noBorder(agency);
        left.setHorizontalAlignment(Element.ALIGN_CENTER);
        top.addCell(left);
        Paragraph nation = new Paragraph(msg("print.nation"), new Font(bold, 10));
        nation.add(new Phrase("\n" + msg("print.motto"), new Font(bold, 11)));
        nation.add(new Phrase("\n———————————", new Font(regular, 10)));
        String[] dmy = dated.matches("\\d{2}/\\d{2}/\\d{4}") ? dated.split("/") : new String[] {"…", "…", "…"};
        nation.add(new Phrase(
                "\n" + format("print.place-date", data.communeName(), dmy[0], dmy[1], dmy[2]),
                new Font(regular, 10, Font.ITALIC)));
        PdfPCell right = noBorder(nation);
        right.setHorizontalAlignment(Element.ALIGN_CENTER);
        top.addCell(right);
        doc.add(top);
    }

    private void title(Document doc, String title, @Nullable String subtitle) throws DocumentException {
        Paragraph heading = new Paragraph(title, new Font(bold, 14));
        heading.setAlignment(Element.ALIGN_CENTER);
        heading.setSpacingBefore(16);
        heading.setSpacingAfter(subtitle == null ? 12 : 4);
        doc.add(heading);
        if (subtitle != null) {
            Paragraph sub = new Paragraph(subtitle, new Font(bold, 12));
            sub.setAlignment(Element.ALIGN_CENTER);
            sub.setSpacingAfter(12);
            doc.add(sub);
        }
    }

    private Paragraph text(String value) {
        Paragraph p = new Paragraph(value, new Font(regular, 11));
        p.setFirstLineIndent(24);
        p.setSpacingAfter(6);
        return p;
    }

    private Paragraph numbered(int number, String label, String value) {
        Paragraph p = new Paragraph();
        p.add(new Phrase(number + ". " + label + ": ", new Font(bold, 11)));
        p.add(new Phrase(value, new Font(regular, 11)));
        p.setSpacingAfter(4);
        return p;
    }

    private void signatures(Document doc, String left, String right) throws DocumentException {
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(100);
        table.setSpacingBefore(30);
        Paragraph leftSign = new Paragraph(left, new Font(bold, 11));
        leftSign.add(new Phrase("\n" + msg("print.sign.name"), new Font(regular, 9, Font.ITALIC)));
        Paragraph rightSign = new Paragraph(right, new Font(bold, 11));
        rightSign.add(new Phrase("\n" + msg("print.sign.name"), new Font(regular, 9, Font.ITALIC)));
        PdfPCell a = noBorder(leftSign);
        a.setHorizontalAlignment(Element.ALIGN_CENTER);
        PdfPCell b = noBorder(rightSign);
        b.setHorizontalAlignment(Element.ALIGN_CENTER);
        table.addCell(a);
        table.addCell(b);
        doc.add(table);
    }

    private static PdfPCell noBorder(Paragraph content) {
        PdfPCell cell = new PdfPCell(content);
        cell.setBorder(0);
        return cell;
    }

    interface Body {
        void write(Document doc) throws DocumentException;
    }

    private static byte[] pdf(com.lowagie.text.Rectangle size, Body body) {
        var out = new ByteArrayOutputStream();
        Document doc = new Document(size, 36, 36, 36, 36);
        PdfWriter.getInstance(doc, out);
        doc.open();
        try {
            body.write(doc);
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF could not be written", e);
        }
        doc.close();
        return out.toByteArray();
    }

    private String format(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, VI);
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, VI);
    }

    private static String orDash(@Nullable String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    private static BaseFont font(String path) {
        try (InputStream in = RegisterDocuments.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Font missing: " + path);
            }
            byte[] bytes = in.readAllBytes();
            return BaseFont.createFont(path.substring(1), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
