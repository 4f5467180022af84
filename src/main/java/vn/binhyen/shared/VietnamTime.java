package vn.binhyen.shared;

import java.time.ZoneId;

/** Vietnam's time zone: legal clocks and every page show local time; storage keeps UTC instants. */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {}
}
