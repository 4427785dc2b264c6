package vn.cchc.publication;

import java.util.Optional;

/** Where an item was published or aired; {@code label} is the Vietnamese name used in spreadsheets. */
public enum Channel {
    WEBSITE(true, "Trang thông tin điện tử"),
    PROVINCIAL_PORTAL(true, "Cổng thông tin điện tử tỉnh"),
    RADIO(false, "Đài truyền thanh"),
    ZALO_OA(true, "Zalo OA"),
    FACEBOOK(true, "Facebook"),
    YOUTUBE(true, "YouTube"),
    ELECTRONIC_BOARD(false, "Bảng điện tử"),
    PRINT(false, "Ấn phẩm in"),
    ON_SITE(false, "Trực tiếp");

    private final boolean online;
    private final String label;

    Channel(boolean online, String label) {
        this.online = online;
        this.label = label;
    }

    /** Online channels need a link to the item. */
    public boolean online() {
        return online;
    }

    public String label() {
        return label;
    }

    /**
     * Printed matter and on-site events need no infrastructure, so any active unit may record them;
     * every other channel must be operated by the unit or one of its parents.
     */
    public boolean needsOperator() {
        return this != PRINT && this != ON_SITE;
    }

    /** The code ({@code WEBSITE}) or the Vietnamese label, ignoring case. */
    public static Optional<Channel> parse(String text) {
        return Labels.parse(Channel.class, text, Channel::label);
    }
}
