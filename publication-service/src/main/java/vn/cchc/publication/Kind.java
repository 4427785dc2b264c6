package vn.cchc.publication;

import java.util.Optional;

/** What was published; {@code label} is the Vietnamese name used in spreadsheets. */
public enum Kind {
    ARTICLE("Tin, bài"),
    PHOTO_STORY("Phóng sự ảnh"),
    REPORTAGE("Phóng sự"),
    VIDEO("Video"),
    AUDIO("File âm thanh"),
    INFOGRAPHIC("Infographic"),
    BROADCAST("Chương trình phát thanh"),
    SOCIAL_POST("Bài đăng mạng xã hội"),
    BANNER("Băng rôn, pa nô, áp phích"),
    LEAFLET("Tờ rơi"),
    DIALOGUE("Đối thoại");

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Kind> parse(String text) {
        return Labels.parse(Kind.class, text, Kind::label);
    }
}
