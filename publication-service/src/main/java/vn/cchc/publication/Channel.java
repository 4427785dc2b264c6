package vn.cchc.publication;

/** Where an item was published or aired. */
public enum Channel {
    /** Trang thông tin điện tử of the unit. */
    WEBSITE(true),
    /** Cổng thông tin điện tử of the province. */
    PROVINCIAL_PORTAL(true),
    /** Đài truyền thanh / loudspeakers. */
    RADIO(false),
    ZALO_OA(true),
    FACEBOOK(true),
    YOUTUBE(true),
    /** Bảng điện tử / màn hình. */
    ELECTRONIC_BOARD(false),
    PRINT(false),
    ON_SITE(false);

    private final boolean online;

    Channel(boolean online) {
        this.online = online;
    }

    /** Online channels need a link to the item. */
    public boolean online() {
        return online;
    }
}
