package vn.binhyen.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import vn.binhyen.knowledge.EvaluationSet.LabelledQuestion;
import vn.binhyen.knowledge.internal.Match;
import vn.binhyen.knowledge.internal.Matcher;

/**
 * {@link Matcher#couldScore} decides without searching whether any entry could reach a score: it must never say no
 * where the full ranking finds an entry that good (it is an upper bound), and it must say no to ordinary chatter,
 * or it saves nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class MatcherBoundTests {

    private static final double[] THRESHOLDS = {0.3, 0.4, 0.5, 0.5995, 0.7, 0.8, 0.9};

    /** What village groups and residents write that asks nothing. */
    private static final List<String> CHATTER = List.of(
            "Chiều nay họp tổ dân phố lúc 5 giờ, mọi người nhớ đến đúng giờ",
            "Cảm ơn các anh công an xã nhiều ạ",
            "Nhà em mất điện từ sáng tới giờ",
            "Mai cả thôn đi làm đường, mỗi nhà một người nhé",
            "ok em",
            "Hôm nay trời mưa to quá, đường ngập hết rồi",
            "Tin nhắn thử tải số 123 về an ninh trật tự trong thôn",
            "Chúc mừng năm mới bà con thôn 3",
            "Thứ bảy này đá bóng giao hữu với thôn bên nha ae",
            "Con chó nhà ai chạy lạc ở đầu ngõ, màu vàng",
            "dạ vâng ạ",
            "Sáng mai tiêm phòng cho trẻ ở trạm y tế xã",
            "Tối nay 22h anh em tụ tập ở ngã ba nhé",
            "Ai nhặt được chùm chìa khóa ở chợ cho em xin lại",
            "Lúa năm nay được mùa quá bà con ơi");

    @Autowired
    Matcher matcher;

    @Test
    void neverSaysNoWhereTheRankingFindsAGoodEntry() {
        List<String> texts = new ArrayList<>(CHATTER);
        EvaluationSet.load().questions().stream().map(LabelledQuestion::text).forEach(texts::add);
        assertThat(texts).hasSizeGreaterThan(300);
        for (String text : texts) {
            double best =
                    matcher.rank(text).stream().mapToDouble(Match::score).max().orElse(0);
            for (double threshold : THRESHOLDS) {
                if (best >= threshold) {
                    assertThat(matcher.couldScore(text, threshold))
                            .as("best %.4f for \"%s\" at %.4f", best, text, threshold)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void saysNoToMostChatter() {
        long ruledOut = CHATTER.stream()
                .filter(text -> !matcher.couldScore(text, 0.5995))
                .count();
        assertThat(ruledOut).as("chatter ruled out without a search").isGreaterThanOrEqualTo(CHATTER.size() / 2);
    }
}
