package vn.binhyen.bulletins;

/** What a bulletin is about. Only urgent alerts may go out before approval, at night and past the daily cap. */
public enum BulletinKind {
    /** Tình hình an ninh trật tự. */
    SECURITY,
    /** Cảnh báo phương thức, thủ đoạn phạm tội. */
    CRIME_METHOD,
    /** Tuyên truyền, phổ biến pháp luật. */
    LEGAL,
    /** Thông báo hành chính. */
    NOTICE,
    /** Cảnh báo khẩn. */
    URGENT;

    public boolean urgent() {
        return this == URGENT;
    }
}
