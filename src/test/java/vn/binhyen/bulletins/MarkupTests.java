package vn.binhyen.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.binhyen.bulletins.internal.Markup;
import vn.binhyen.bulletins.internal.Readability;

/** The bulletin markup renders a small safe subset and nothing else; readability hints nudge towards short text. */
class MarkupTests {

    @Test
    void htmlInTheTextIsShownNotRun() {
        String html = Markup.toHtml("<script>alert(1)</script> <img src=x onerror=alert(1)> \"a\" & 'b'");
        assertThat(html)
                .doesNotContain("<script", "<img")
                .contains("&lt;script&gt;", "&lt;img src=x onerror=alert(1)&gt;", "&quot;a&quot; &amp; &#39;b&#39;");
    }

    @Test
    void boldListsParagraphsAndLinks() {
        String html = Markup.toHtml(
                "Đoạn **một**\ndòng hai\n\n- gác máy\n- báo công an\n\nXem https://binhyen.vn/ban-tin/1.");
        assertThat(html)
                .isEqualTo("<p>Đoạn <strong>một</strong><br>dòng hai</p><ul><li>gác máy</li><li>báo công an</li></ul>"
                        + "<p>Xem <a href=\"https://binhyen.vn/ban-tin/1\" rel=\"nofollow noopener\">"
                        + "https://binhyen.vn/ban-tin/1</a>.</p>");
        assertThat(Markup.toHtml("<a href=\"javascript:alert(1)\">x</a>")).doesNotContain("<a ");
    }

    @Test
    void plainTextForZaloDropsTheMarkers() {
        assertThat(Markup.toPlainText("**Chú ý**: kẻ gian\n\n- gác máy\n- báo công an"))
                .isEqualTo("Chú ý: kẻ gian\n\n• gác máy\n• báo công an");
    }

    @Test
    void readabilityFlagsLongTextAndLongSentences() {
        assertThat(Readability.of("Ngắn", "Câu ngắn. Câu ngắn nữa.").plain()).isTrue();
        String longSentence = "từ ".repeat(50) + ".";
        var report = Readability.of("Tiêu đề", longSentence.repeat(6));
        assertThat(report.hints())
                .extracting(Readability.Hint::key)
                .contains("bulletins.read.long", "bulletins.read.longSentences");
        assertThat(report.longestSentence()).isEqualTo(50);
    }
}
