package vn.binhyen.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.binhyen.knowledge.internal.TextAnalysis;

class TextAnalysisTests {

    private static final TextAnalysis analysis = TextAnalysis.load();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            làm lại CMND                          | caplai cancuoc cmnd
            mất căn cước công dân                 | mat cancuoc cccd
            cccd gắn chip                         | cancuoc cccd
            thẻ căn cước                          | cancuoc
            nhập hộ khẩu cho con                  | dang ky thuong tru cho con
            đk tạm chú                            | dang ky tam tru
            vneid mức 2                           | vneid muc2
            định danh điện tử mức hai             | vneid muc2
            mất cà vẹt xe máy                     | mat cavet xemay
            sát nhập xã                           | sapnhap xa
            lệ phí bao nhiêu tiền                 | lephi lephi
            mất bao lâu                           | baolau
            """)
    void bringsTheWaysResidentsNameAThingToOneForm(String typed, String canonical) {
        assertThat(analysis.canonical(typed)).isEqualTo(canonical);
    }

    @Test
    void keepsContentSyllablesAndPairsButNotFunctionWords() {
        var terms = analysis.termsOf(analysis.canonical("có phải đăng ký tạm trú không ạ"));
        assertThat(terms).contains("tam", "tru", "dang_ky", "ky_tam", "tam_tru");
        assertThat(terms).doesNotContain("co", "phai", "khong", "a", "co_phai", "phai_dang", "khong_a");
    }
}
