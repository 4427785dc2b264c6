package vn.cchc.publication;

import java.util.List;
import java.util.Optional;

/**
 * Where an item was published or aired; {@code label} is the Vietnamese name used in spreadsheets. The first nine are
 * a unit's own channels; the others are those plans name beyond them (the national public-service portal, television,
 * the press, loudspeakers, banners, leaflets, meetings where CCHC is put on the agenda).
 */
public enum Channel {
    WEBSITE(true, "Trang thông tin điện tử"),
    PROVINCIAL_PORTAL(true, "Cổng thông tin điện tử tỉnh"),
    RADIO(false, "Đài truyền thanh"),
    ZALO_OA(true, "Zalo OA"),
    FACEBOOK(true, "Facebook"),
    YOUTUBE(true, "YouTube"),
    ELECTRONIC_BOARD(false, "Bảng điện tử"),
    PRINT(false, "Ấn phẩm in"),
    ON_SITE(false, "Trực tiếp"),
    NATIONAL_PUBLIC_SERVICE_PORTAL(true, "Cổng Dịch vụ công quốc gia"),
    TELEVISION(false, "Truyền hình"),
    PRESS(false, "Báo chí"),
    LOUDSPEAKER(false, "Loa truyền thanh"),
    BANNER(false, "Băng rôn/pano"),
    LEAFLET(false, "Tờ rơi"),
    MEETING(false, "Hội nghị/cuộc họp");

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
     * Whether the unit (or one of its parents) must operate the channel. Printed matter, on-site events, banners,
     * leaflets and meetings need no infrastructure, and the national public-service portal, television and the press
     * are run by bodies outside the unit directory (an item there is a unit's contribution), so any active unit may
     * record them; the unit's own channels (website, portal, radio, social accounts, boards, loudspeakers) must be
     * operated by the unit or one of its parents.
     */
    public boolean needsOperator() {
        return switch (this) {
            case WEBSITE, PROVINCIAL_PORTAL, RADIO, ZALO_OA, FACEBOOK, YOUTUBE, ELECTRONIC_BOARD, LOUDSPEAKER -> true;
            case PRINT, ON_SITE, NATIONAL_PUBLIC_SERVICE_PORTAL, TELEVISION, PRESS, BANNER, LEAFLET, MEETING -> false;
        };
    }

    /**
     * The channels a unit may list in the directory to operate this one: itself, and for loudspeakers also the radio
     * (the loudspeakers are the commune radio's outdoor network; directories written before LOUDSPEAKER existed list RADIO).
     */
    public List<String> operatedThrough() {
        return this == LOUDSPEAKER ? List.of(LOUDSPEAKER.name(), RADIO.name()) : List.of(name());
    }

    /** The code ({@code WEBSITE}) or the Vietnamese label, ignoring case. */
    public static Optional<Channel> parse(String text) {
        return Labels.parse(Channel.class, text, Channel::label);
    }
}
