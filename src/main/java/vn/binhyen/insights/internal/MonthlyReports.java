package vn.binhyen.insights.internal;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.insights.internal.Dashboards.Dashboard;
import vn.binhyen.insights.internal.Dashboards.Headline;

/**
 * A unit's monthly report for a meeting, as PDF (OpenPDF, DejaVu Sans for every Vietnamese letter) and Excel (POI),
 * each with the same figures and two charts drawn as images (JFreeChart): tips and questions per day, and tips per
 * 1,000 residents per unit one level down. Figures only: no names, no report content.
 */
@Service
@Transactional(readOnly = true)
public class MonthlyReports {

    private static final Locale VI = Locale.forLanguageTag("vi");

    public record Report(String baseName, byte[] pdf, byte[] xlsx) {}

    private final Dashboards dashboards;
    private final RollupStore rollups;
    private final Formats fmt;
    private final MessageSource messages;
    private final BaseFont regular;
    private final BaseFont bold;
    private final java.awt.Font chartFont;

    MonthlyReports(Dashboards dashboards, RollupStore rollups, Formats fmt, MessageSource messages) {
        this.dashboards = dashboards;
        this.rollups = rollups;
        this.fmt = fmt;
        this.messages = messages;
        this.regular = pdfFont("/fonts/DejaVuSans.ttf");
        this.bold = pdfFont("/fonts/DejaVuSans-Bold.ttf");
        try (InputStream in = MonthlyReports.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            this.chartFont = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, in);
        } catch (IOException | java.awt.FontFormatException e) {
            throw new IllegalStateException("The DejaVu font is missing from the jar", e);
        }
    }

    public Report build(Unit unit, YearMonth month) {
        Dashboard d = dashboards.dashboard(unit, Period.of(month));
        String title = msg("insights.report.title", month.getMonthValue(), month.getYear(), unit.name());
        byte[] daily = png(dailyChart(unit, month), 900, 320);
        byte[] compare = d.children().isEmpty() ? null : png(comparisonChart(d), 900, 360);
        String base = "bao-cao-thang-" + month + "-" + unit.level().path() + "-" + unit.key();
        return new Report(base, pdf(d, title, daily, compare), xlsx(d, title, daily, compare));
    }

    /** The headline rows: label, this month, previous month, same month last year. */
    public List<List<String>> headlineRows(Dashboard d) {
        List<List<String>> rows = new ArrayList<>();
        for (Headline h : d.headlines()) {
            rows.add(List.of(
                    msg("insights.headline." + h.key()),
                    fmt.value(h.value(), h.format()),
                    fmt.value(h.previous(), h.format()),
                    fmt.value(h.lastYear(), h.format())));
        }
        var r = d.reach();
        rows.add(List.of(msg("insights.reach.pages"), r.pagesConnected() + " / " + r.pages(), "", ""));
        rows.add(List.of(msg("insights.reach.followers"), fmt.count(r.followers()), "", ""));
        rows.add(List.of(msg("insights.reach.groups"), fmt.count(r.groups()), "", ""));
        rows.add(List.of(msg("insights.reach.members"), fmt.count(r.groupMembers()), "", ""));
        return rows;
    }

    public List<List<String>> childRows(Dashboard d) {
        List<List<String>> rows = new ArrayList<>();
        for (var c : d.children()) {
            rows.add(List.of(
                    c.unit().name(),
                    fmt.count(c.tips()),
                    fmt.decimal(c.tipsPer1000()),
                    fmt.count(c.questions()),
                    fmt.percent(c.decidedInTime()),
                    fmt.minutes(c.medianAnswerMinutes()),
                    fmt.count(c.prevented()),
                    fmt.count(c.overdue())));
        }
        return rows;
    }

    private List<String> headlineColumns() {
        return List.of(
                msg("insights.report.col.measure"),
                msg("insights.report.col.month"),
                msg("insights.report.col.previous"),
                msg("insights.report.col.lastYear"));
    }

    private List<String> childColumns() {
        return List.of(
                msg("insights.col.unit"),
                msg("insights.col.tips"),
                msg("insights.col.per1000"),
                msg("insights.col.questions"),
                msg("insights.col.inTime"),
                msg("insights.col.firstAnswer"),
                msg("insights.col.prevented"),
                msg("insights.col.overdue"));
    }

    private JFreeChart dailyChart(Unit unit, YearMonth month) {
        var data = new DefaultCategoryDataset();
        var days = rollups.daily(unit.code(), unit.key(), month.atDay(1), month.atEndOfMonth());
        String tips = msg("insights.series.tips");
        String questions = msg("insights.series.questions");
        days.forEach((day, values) -> {
            String label = Integer.toString(day.getDayOfMonth());
            data.addValue(values.getOrDefault(Measure.TIPS_RECEIVED, 0L), tips, label);
            data.addValue(values.getOrDefault(Measure.QUESTIONS, 0L), questions, label);
        });
        var chart = ChartFactory.createBarChart(
                msg("insights.chart.daily"),
                msg("insights.chart.day"),
                msg("insights.chart.count"),
                data,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        return styled(chart);
    }

    private JFreeChart comparisonChart(Dashboard d) {
        var data = new DefaultCategoryDataset();
        boolean perResidents = d.children().stream().anyMatch(r -> r.unit().population() != null);
        String series = msg(perResidents ? "insights.col.per1000" : "insights.col.tips");
        for (var c : d.children()) {
            Number v = perResidents ? c.tipsPer1000() : (Number) c.tips();
            data.addValue(v == null ? 0 : v.doubleValue(), series, c.unit().name());
        }
        var chart = ChartFactory.createBarChart(
                msg("insights.chart.compare"), "", series, data, PlotOrientation.HORIZONTAL, false, false, false);
        return styled(chart);
    }

    private JFreeChart styled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(chartFont.deriveFont(java.awt.Font.BOLD, 15f));
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(chartFont.deriveFont(12f));
        }
        var plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.getDomainAxis().setTickLabelFont(chartFont.deriveFont(10f));
        plot.getDomainAxis().setLabelFont(chartFont.deriveFont(11f));
        plot.getRangeAxis().setTickLabelFont(chartFont.deriveFont(10f));
        plot.getRangeAxis().setLabelFont(chartFont.deriveFont(11f));
        plot.getRenderer().setSeriesPaint(0, new Color(0x1F4E8C));
        plot.getRenderer().setSeriesPaint(1, new Color(0xC77700));
        return chart;
    }

    private static byte[] png(JFreeChart chart, int width, int height) {
        BufferedImage image = chart.createBufferedImage(width, height);
        var out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeBufferedImageAsPNG(out, image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private byte[] pdf(Dashboard d, String title, byte[] daily, byte[] compare) {
        var out = new ByteArrayOutputStream();
        var doc = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(doc, out);
            doc.open();
            doc.addTitle(title);
            Paragraph heading = new Paragraph(title, new Font(bold, 14));
            heading.setAlignment(Element.ALIGN_CENTER);
            doc.add(heading);
            Paragraph sub = new Paragraph(
                    msg("insights.report.period", d.period().from(), d.period().to()), new Font(regular, 9));
            sub.setAlignment(Element.ALIGN_CENTER);
            sub.setSpacingAfter(10);
            doc.add(sub);
            doc.add(table(headlineColumns(), headlineRows(d), new float[] {5, 2, 2, 2}));
            doc.add(image(daily));
            if (compare != null) {
                doc.add(image(compare));
                doc.add(table(childColumns(), childRows(d), new float[] {4, 1.3f, 1.4f, 1.3f, 1.6f, 1.8f, 1.4f, 1.3f}));
            }
            Paragraph note = new Paragraph(msg("insights.report.note"), new Font(regular, 8));
            note.setSpacingBefore(8);
            doc.add(note);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        } finally {
            doc.close();
        }
        return out.toByteArray();
    }

    private static Image image(byte[] png) {
        try {
            Image image = Image.getInstance(png);
            image.scaleToFit(PageSize.A4.getWidth() - 72, 260);
            image.setAlignment(Element.ALIGN_CENTER);
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PdfPTable table(List<String> columns, List<List<String>> rows, float[] widths) {
        var table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.setSpacingAfter(6);
        table.setHeaderRows(1);
        for (String c : columns) {
            var cell = new PdfPCell(new Phrase(c, new Font(bold, 8)));
            cell.setBackgroundColor(new Color(0xE8EEF6));
            table.addCell(cell);
        }
        for (List<String> row : rows) {
            for (String value : row) {
                table.addCell(new PdfPCell(new Phrase(value, new Font(regular, 8))));
            }
        }
        return table;
    }

    private byte[] xlsx(Dashboard d, String title, byte[] daily, byte[] compare) {
        try (Workbook book = new XSSFWorkbook()) {
            CellStyle header = book.createCellStyle();
            var font = book.createFont();
            font.setBold(true);
            header.setFont(font);
            Sheet summary = book.createSheet(msg("insights.report.sheet.summary"));
            summary.createRow(0).createCell(0).setCellValue(title);
            summary.createRow(1)
                    .createCell(0)
                    .setCellValue(msg(
                            "insights.report.period",
                            d.period().from(),
                            d.period().to()));
            int next = write(summary, 3, headlineColumns(), headlineRows(d), header);
            picture(book, summary, daily, next + 1, 0);
            summary.setColumnWidth(0, 40 * 256);
            for (int c = 1; c < 4; c++) {
                summary.setColumnWidth(c, 16 * 256);
            }
            if (compare != null) {
                Sheet units = book.createSheet(msg("insights.report.sheet.units"));
                int after = write(units, 0, childColumns(), childRows(d), header);
                picture(book, units, compare, after + 1, 0);
                units.setColumnWidth(0, 30 * 256);
            }
            Sheet days = book.createSheet(msg("insights.report.sheet.days"));
            List<List<String>> dayRows = new ArrayList<>();
            rollups.daily(
                            d.unit().code(),
                            d.unit().key(),
                            d.period().from(),
                            d.period().to())
                    .forEach((day, v) -> dayRows.add(List.of(
                            day.toString(),
                            Long.toString(v.getOrDefault(Measure.TIPS_RECEIVED, 0L)),
                            Long.toString(v.getOrDefault(Measure.QUESTIONS, 0L)),
                            Long.toString(v.getOrDefault(Measure.TIPS_DECIDED, 0L)))));
            write(
                    days,
                    0,
                    List.of(
                            msg("insights.chart.day"),
                            msg("insights.series.tips"),
                            msg("insights.series.questions"),
                            msg("insights.series.decided")),
                    dayRows,
                    header);
            var out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a header and rows from {@code first}; numbers go in as numbers, so Excel can sum them. */
    private static int write(Sheet sheet, int first, List<String> columns, List<List<String>> rows, CellStyle header) {
        Row head = sheet.createRow(first);
        for (int c = 0; c < columns.size(); c++) {
            var cell = head.createCell(c);
            cell.setCellValue(columns.get(c));
            cell.setCellStyle(header);
        }
        int r = first + 1;
        for (List<String> values : rows) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < values.size(); c++) {
                String v = values.get(c);
                if (c > 0 && v.matches("[0-9]+(\\.[0-9]{3})*")) {
                    row.createCell(c).setCellValue(Double.parseDouble(v.replace(".", "")));
                } else {
                    row.createCell(c).setCellValue(v);
                }
            }
        }
        return r;
    }

    private static void picture(Workbook book, Sheet sheet, byte[] png, int row, int column) {
        int index = book.addPicture(png, Workbook.PICTURE_TYPE_PNG);
        var drawing = sheet.createDrawingPatriarch();
        ClientAnchor anchor = book.getCreationHelper().createClientAnchor();
        anchor.setRow1(row);
        anchor.setCol1(column);
        drawing.createPicture(anchor, index).resize(1.0);
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, VI);
    }

    private static BaseFont pdfFont(String path) {
        try (InputStream in = MonthlyReports.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + path);
            }
            return BaseFont.createFont(
                    path.substring(1), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("Cannot load font " + path, e);
        }
    }
}
