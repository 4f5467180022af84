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

    public byte[] receiptRecord(FormData data) {
        return pdf(PageSize.A4, doc -> {
            header(doc, data.unitName(), msg("print.form01.title"), msg("print.form01.form"));
            doc.add(line(msg("print.register-number"), data.registerLabel() + " · " + data.tipCode()));
            doc.add(line(msg("print.received-at"), TIME.format(data.receivedAt())));
            doc.add(line(msg("print.channel"), data.channel()));
            doc.add(line(msg("print.receiving-officer"), orDash(data.receivingOfficer())));
            doc.add(line(msg("print.reporter"), reporter(data)));
            doc.add(line(msg("print.kind"), data.kind()));
            doc.add(line(msg("print.place"), orDash(data.place())));
            doc.add(line(msg("print.content"), data.description()));
            signatures(doc, msg("print.sign.reporter"), msg("print.sign.receiver"));
        });
    }

    public byte[] transferSlip(TransferData data) {
        FormData r = data.report();
        return pdf(PageSize.A4, doc -> {
            header(doc, r.unitName(), msg("print.form03.title"), msg("print.form03.form"));
            doc.add(line(msg("print.slip-number"), String.valueOf(data.slipNumber())));
            doc.add(line(msg("print.to-body"), data.toBody()));
            doc.add(line(msg("print.register-number"), r.registerLabel() + " · " + r.tipCode()));
            doc.add(line(msg("print.received-at"), TIME.format(r.receivedAt())));
            doc.add(line(msg("print.channel"), r.channel()));
            doc.add(line(msg("print.reporter"), reporter(r)));
            doc.add(line(msg("print.kind"), r.kind()));
            doc.add(line(msg("print.content"), r.description()));
            doc.add(line(msg("print.transfer-reason"), orDash(data.reason())));
            doc.add(line(msg("print.decided"), data.decidedBy() + " · " + data.date()));
            signatures(doc, msg("print.sign.receiving-body"), msg("print.sign.chief"));
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

    private void header(Document doc, String unitName, String title, String form) throws DocumentException {
        PdfPTable top = new PdfPTable(2);
        top.setWidthPercentage(100);
        top.addCell(noBorder(new Paragraph(unitName.toUpperCase(VI), new Font(bold, 10))));
        Paragraph nation = new Paragraph(msg("print.nation") + "\n" + msg("print.motto"), new Font(bold, 10));
        PdfPCell right = noBorder(nation);
        right.setHorizontalAlignment(Element.ALIGN_CENTER);
        top.addCell(right);
        doc.add(top);
        Paragraph formLine = new Paragraph(form, new Font(regular, 8));
        formLine.setAlignment(Element.ALIGN_RIGHT);
        doc.add(formLine);
        Paragraph heading = new Paragraph(title, new Font(bold, 14));
        heading.setAlignment(Element.ALIGN_CENTER);
        heading.setSpacingBefore(12);
        heading.setSpacingAfter(12);
        doc.add(heading);
    }

    private Paragraph line(String label, String value) {
        Paragraph p = new Paragraph();
        p.add(new Phrase(label + ": ", new Font(bold, 11)));
        p.add(new Phrase(value, new Font(regular, 11)));
        p.setSpacingAfter(4);
        return p;
    }

    private void signatures(Document doc, String left, String right) throws DocumentException {
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(100);
        table.setSpacingBefore(30);
        PdfPCell a = noBorder(new Paragraph(left, new Font(bold, 11)));
        a.setHorizontalAlignment(Element.ALIGN_CENTER);
        PdfPCell b = noBorder(new Paragraph(right, new Font(bold, 11)));
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
