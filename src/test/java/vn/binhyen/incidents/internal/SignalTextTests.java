package vn.binhyen.incidents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import vn.binhyen.shared.VietnamTime;
import vn.binhyen.shared.text.VietnameseText;

/** Reading the stated time and the names out of residents' words, with and without diacritics. */
class SignalTextTests {

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(VietnamTime.ZONE).toInstant();
    }

    static Instant eventTime(String text, String writtenAt) {
        return SignalText.eventTime(VietnameseText.fold(text), at(writtenAt));
    }

    @Test
    void tonightAtNineIsTwentyOneHoursTheSameDay() {
        assertThat(eventTime("Tối nay 9h ra hồ nhé", "2026-09-06T14:10")).isEqualTo(at("2026-09-06T21:00"));
        assertThat(eventTime("toi nay 21h30 tap trung", "2026-09-06T14:10")).isEqualTo(at("2026-09-06T21:30"));
    }

    @Test
    void anHourWithoutADayIsTheNextSuchHour() {
        assertThat(eventTime("8h45 tập trung ở quán nước", "2026-06-29T19:00")).isEqualTo(at("2026-06-29T20:45"));
        assertThat(eventTime("đua tới 2h sáng", "2026-09-06T20:00")).isEqualTo(at("2026-09-07T02:00"));
    }

    @Test
    void anHourJustPastIsStillTonight() {
        assertThat(eventTime("Mang theo hung khí, 20h45 tập trung ở quán nước", "2026-09-06T21:53"))
                .isEqualTo(at("2026-09-06T20:45"));
        assertThat(eventTime("Tối nay 21h anh em ra đường", "2026-09-06T22:40")).isEqualTo(at("2026-09-06T21:00"));
    }

    @Test
    void tomorrowMorningAndNowAreRead() {
        assertThat(eventTime("sáng mai 7h gặp ở cổng trường", "2026-09-06T22:00"))
                .isEqualTo(at("2026-09-07T07:00"));
        assertThat(eventTime("Bây giờ đang đánh nhau ở chợ", "2026-09-06T22:00"))
                .isEqualTo(at("2026-09-06T22:00"));
        assertThat(eventTime("Có người lừa đảo chuyển khoản", "2026-09-06T22:00"))
                .isNull();
    }

    @Test
    void peopleNamedAfterAKinshipWordAreFound() {
        assertThat(SignalText.people("Thằng Tuấn với anh Y Blê cầm đầu, con Lan thì báo tin"))
                .containsExactly("Tuấn", "Y Blê", "Lan");
        assertThat(SignalText.people("anh em tụ tập đông vào")).isEmpty();
    }

    @Test
    void wordingThatSharesMeaningIsAlike() {
        var incident = SignalText.shingles(VietnameseText.fold("Tối nay đua xe ở hồ Krông Búk Hạ"));
        var same = SignalText.shingles(VietnameseText.fold("dua xe o ho krong buk ha"));
        var other = SignalText.shingles(VietnameseText.fold("Có người giả danh công an gọi điện"));
        assertThat(SignalText.containment(same, incident)).isGreaterThan(0.8);
        assertThat(SignalText.containment(other, incident)).isLessThan(0.1);
    }
}
