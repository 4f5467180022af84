package vn.binhyen.shared.text;

import java.util.Map;

/**
 * The shorthand residents type in chat (teencode and common abbreviations), written out in folded form. Only words
 * whose meaning is clear in messages to the police are here: "hong" stays (it may be "hỏng", broken), "kb" stays
 * ("không biết" or "khai báo"), "mk" is "mật khẩu" because that is what people lose.
 */
final class Shorthand {

    private static final Map<String, String> WORDS = Map.ofEntries(
            // không
            Map.entry("k", "khong"),
            Map.entry("ko", "khong"),
            Map.entry("kh", "khong"),
            Map.entry("khg", "khong"),
            Map.entry("kg", "khong"),
            Map.entry("hok", "khong"),
            Map.entry("hem", "khong"),
            Map.entry("khum", "khong"),
            // được, đăng ký
            Map.entry("dc", "duoc"),
            Map.entry("dk", "dang ky"),
            Map.entry("dky", "dang ky"),
            Map.entry("dangky", "dang ky"),
            // question words and pronouns
            Map.entry("j", "gi"),
            Map.entry("gj", "gi"),
            Map.entry("bn", "bao nhieu"),
            Map.entry("bnh", "bao nhieu"),
            Map.entry("ntn", "nhu the nao"),
            Map.entry("bjo", "bao gio"),
            Map.entry("bh", "bao gio"),
            Map.entry("bgio", "bao gio"),
            Map.entry("mik", "minh"),
            Map.entry("mh", "minh"),
            Map.entry("t", "toi"),
            Map.entry("e", "em"),
            Map.entry("cx", "cung"),
            Map.entry("cg", "cung"),
            Map.entry("vs", "voi"),
            Map.entry("r", "roi"),
            Map.entry("ns", "noi"),
            Map.entry("z", "vay"),
            Map.entry("wa", "qua"),
            Map.entry("nhiu", "nhieu"),
            Map.entry("thui", "thoi"),
            Map.entry("lm", "lam"),
            Map.entry("ms", "moi"),
            Map.entry("trc", "truoc"),
            Map.entry("ng", "nguoi"),
            Map.entry("hnay", "hom nay"),
            Map.entry("tks", "cam on"),
            Map.entry("ak", "a"),
            Map.entry("ah", "a"),
            // papers and procedures
            Map.entry("cccd", "can cuoc cong dan"),
            Map.entry("cmnd", "chung minh nhan dan"),
            Map.entry("cmt", "chung minh nhan dan"),
            Map.entry("hk", "ho khau"),
            Map.entry("tt", "tam tru"),
            Map.entry("ttru", "tam tru"),
            Map.entry("tht", "thuong tru"),
            Map.entry("thtru", "thuong tru"),
            Map.entry("gplx", "giay phep lai xe"),
            Map.entry("gks", "giay khai sinh"),
            Map.entry("dkx", "dang ky xe"),
            Map.entry("bsx", "bien so xe"),
            Map.entry("xm", "xe may"),
            Map.entry("xn", "xac nhan"),
            Map.entry("sdt", "so dien thoai"),
            Map.entry("dt", "dien thoai"),
            Map.entry("tk", "tai khoan"),
            Map.entry("mk", "mat khau"),
            Map.entry("ddt", "dinh danh dien tu"),
            Map.entry("vnid", "vneid"),
            Map.entry("cax", "cong an xa"));

    private Shorthand() {}

    /** The written-out form of one folded word, or the word itself. */
    static String expand(String foldedWord) {
        return WORDS.getOrDefault(foldedWord, foldedWord);
    }
}
