package vn.binhyen.zalo;

/** Whether BinhYen holds working tokens for an OA. BROKEN needs an administrator to connect the OA again. */
public enum ConnectionStatus {
    NOT_CONNECTED,
    CONNECTED,
    BROKEN;

    public String labelKey() {
        return "zalo.connection." + name();
    }
}
