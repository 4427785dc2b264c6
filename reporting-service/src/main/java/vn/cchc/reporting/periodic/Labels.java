package vn.cchc.reporting.periodic;

import java.util.Locale;
import java.util.Map;

/** Vietnamese names of channels, kinds and statuses for the generated documents. */
public final class Labels {
    public static final Locale VI = Locale.forLanguageTag("vi-VN");

    private static final Map<String, String> CHANNELS = Map.of(
            "WEBSITE", "Trang thông tin điện tử", "PROVINCIAL_PORTAL", "Cổng thông tin điện tử tỉnh",
            "RADIO", "Đài truyền thanh", "ZALO_OA", "Zalo OA", "FACEBOOK", "Facebook", "YOUTUBE", "YouTube",
            "ELECTRONIC_BOARD", "Bảng điện tử, màn hình", "PRINT", "Ấn phẩm in, pa-nô, áp phích",
            "ON_SITE", "Hội nghị, sự kiện trực tiếp");
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("ARTICLE", "Tin, bài"), Map.entry("PHOTO_STORY", "Phóng sự ảnh"), Map.entry("REPORTAGE", "Phóng sự"),
            Map.entry("VIDEO", "Video"), Map.entry("AUDIO", "File âm thanh"), Map.entry("INFOGRAPHIC", "Infographic"),
            Map.entry("BROADCAST", "Chương trình phát thanh"), Map.entry("SOCIAL_POST", "Bài đăng mạng xã hội"),
            Map.entry("BANNER", "Băng rôn, pa-nô"), Map.entry("LEAFLET", "Tờ rơi"), Map.entry("DIALOGUE", "Đối thoại"));
    private static final Map<String, String> STATUSES = Map.of(
            "UPCOMING", "Chưa đến kỳ", "ON_TRACK", "Đúng tiến độ", "AT_RISK", "Chậm tiến độ",
            "MET", "Đã đạt", "MISSED", "Không đạt");
    private static final Map<String, String> TASK_STATUSES = Map.of(
            "PLANNED", "Chưa triển khai", "IN_PROGRESS", "Đang thực hiện", "DONE", "Hoàn thành",
            "OVERDUE", "Quá hạn", "CANCELLED", "Hủy bỏ");

    private Labels() {
    }

    public static String channel(String c) {
        return CHANNELS.getOrDefault(c, c);
    }

    public static String kind(String k) {
        return KINDS.getOrDefault(k, k);
    }

    public static String status(String s) {
        return STATUSES.getOrDefault(s, s);
    }

    public static String taskStatus(String s) {
        return TASK_STATUSES.getOrDefault(s, s);
    }

    public static String upper(String s) {
        return s == null ? "" : s.toUpperCase(VI);
    }
}
