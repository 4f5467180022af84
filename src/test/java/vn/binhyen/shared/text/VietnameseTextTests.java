package vn.binhyen.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseTextTests {

    @ParameterizedTest(name = "fold({0}) = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Đăng ký tạm trú                        | dang ky tam tru
            dang ky tam tru                        | dang ky tam tru
            ĐĂNG KÝ THƯỜNG TRÚ                     | dang ky thuong tru
            Căn cước công dân                      | can cuoc cong dan
            căn cươc công dân                      | can cuoc cong dan
            cằn cước cộng dân                      | can cuoc cong dan
            Hoà Bình                               | hoa binh
            Hòa Bình                               | hoa binh
            thuỷ   lợi                             | thuy loi
            khỏe khoẻ                              | khoe khoe
            Đua xe ở Buôn Ma Thuột!! 🏍️🏍️          | dua xe o buon ma thuot
            làm căn cước ở đâu ạ???😭              | lam can cuoc o dau a
            '  nhiều    khoảng   trắng  '          | nhieu khoang trang
            Giấy tờ: CT01, CT07.                   | giay to ct01 ct07
            người ưu tiên                          | nguoi uu tien
            đđ ĐĐ                                  | dd dd
            VNeID mức 2                            | vneid muc 2
            """)
    void foldsWhatResidentsTypeToOneForm(String typed, String folded) {
        assertThat(VietnameseText.fold(typed)).isEqualTo(folded);
    }

    @Test
    void foldsDecomposedInputLikeComposedInput() {
        String composed = "Đăng ký tạm trú cho người thuê trọ";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(composed);
        assertThat(VietnameseText.fold(decomposed)).isEqualTo(VietnameseText.fold(composed));
    }

    @Test
    void foldKeepsAHalfTypedWordAPrefixOfTheWholeWord() {
        assertThat(VietnameseText.fold("đăng ký k")).isEqualTo("dang ky k");
        assertThat(VietnameseText.fold("căn cướ")).startsWith("can cuo");
    }

    @Test
    void foldOfNothingIsEmpty() {
        assertThat(VietnameseText.fold("")).isEmpty();
        assertThat(VietnameseText.fold("🙏🙏 ...")).isEmpty();
    }

    @ParameterizedTest(name = "foldWords({0}) = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ko lam dc cccd                           | khong lam duoc can cuoc cong dan
            k biết đk tt ở đâu                       | khong biet dang ky tam tru o dau
            đc ko ạ                                  | duoc khong a
            mất cmnd thì lm j                        | mat chung minh nhan dan thi lam gi
            cmt cũ còn dùng đc hok                   | chung minh nhan dan cu con dung duoc khong
            nhập hk cho con                          | nhap ho khau cho con
            quên mk vnid                             | quen mat khau vneid
            lệ phí bn vậy                            | le phi bao nhieu vay
            kĩ thuật / kỹ thuật                      | ky thuat ky thuat
            lí do, lý do                             | ly do ly do
            qui định quy định                        | quy dinh quy dinh
            sĩ quan sỹ quan                          | sy quan sy quan
            đổi gplx ntn                             | doi giay phep lai xe nhu the nao
            xe bị hỏng biển                          | xe bi hong bien
            """)
    void writesOutShorthandAndSpellingVariants(String typed, String words) {
        assertThat(VietnameseText.foldWords(typed)).isEqualTo(words);
    }

    @ParameterizedTest(name = "normalizeTones({0}) = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            hòa bình          | hoà bình
            hoà bình          | hoà bình
            Thủy lợi          | thuỷ lợi
            khỏe mạnh         | khoẻ mạnh
            quý khách         | quý khách
            giữ gìn           | giữ gìn
            người của mùa     | người của mùa
            chuyện khuỷu tay  | chuyện khuỷu tay
            hoàng hoạch       | hoàng hoạch
            quốc tuổi giữa    | quốc tuổi giữa
            VNeID!            | vneid
            """)
    void putsTheToneMarkInOnePlace(String typed, String normalized) {
        assertThat(VietnameseText.normalizeTones(typed)).isEqualTo(normalized);
    }

    @Test
    void normalizeTonesAcceptsDecomposedInput() {
        String decomposed = Normalizer.normalize("Hòa Thủy", Normalizer.Form.NFD);
        assertThat(VietnameseText.normalizeTones(decomposed)).isEqualTo("hoà thuỷ");
    }

    @Test
    void tellsWhetherTheResidentTypedDiacritics() {
        assertThat(VietnameseText.hasDiacritics("đăng ký")).isTrue();
        assertThat(VietnameseText.hasDiacritics("Đ")).isTrue();
        assertThat(VietnameseText.hasDiacritics("dang ky tam tru?")).isFalse();
    }
}
