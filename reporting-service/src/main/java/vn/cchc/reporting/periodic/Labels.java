package vn.cchc.reporting.periodic;

import java.util.Locale;
import java.util.Map;
import vn.cchc.reporting.compliance.TargetStatus;

/** Vietnamese names of channels, kinds and statuses for the generated documents and the public CSV. */
public final class Labels {
    public static final Locale VI = Locale.forLanguageTag("vi-VN");

    private static final Map<String, String> CHANNELS = Map.ofEntries(
            Map.entry("WEBSITE", "Trang thông tin điện tử"), Map.entry("PROVINCIAL_PORTAL", "Cổng thông tin điện tử tỉnh"),
            Map.entry("RADIO", "Đài truyền thanh"), Map.entry("ZALO_OA", "Zalo OA"), Map.entry("FACEBOOK", "Facebook"),
            Map.entry("YOUTUBE", "YouTube"), Map.entry("ELECTRONIC_BOARD", "Bảng điện tử, màn hình"),
            Map.entry("PRINT", "Ấn phẩm in, pa-nô, áp phích"), Map.entry("ON_SITE", "Hội nghị, sự kiện trực tiếp"),
            Map.entry("NATIONAL_PUBLIC_SERVICE_PORTAL", "Cổng Dịch vụ công quốc gia"), Map.entry("TELEVISION", "Truyền hình"),
            Map.entry("PRESS", "Báo chí"), Map.entry("LOUDSPEAKER", "Loa truyền thanh"), Map.entry("BANNER", "Băng rôn/pano"),
            Map.entry("LEAFLET", "Tờ rơi"), Map.entry("MEETING", "Hội nghị/cuộc họp"));
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("ARTICLE", "Tin, bài"), Map.entry("PHOTO_STORY", "Phóng sự ảnh"), Map.entry("REPORTAGE", "Phóng sự"),
            Map.entry("VIDEO", "Video"), Map.entry("AUDIO", "File âm thanh"), Map.entry("INFOGRAPHIC", "Infographic"),
            Map.entry("BROADCAST", "Chương trình phát thanh"), Map.entry("SOCIAL_POST", "Bài đăng mạng xã hội"),
            Map.entry("BANNER", "Băng rôn, pa-nô"), Map.entry("LEAFLET", "Tờ rơi"), Map.entry("DIALOGUE", "Đối thoại"));
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

    /** The status vocabulary is {@link TargetStatus#label()}, shared with the JSON answers and the dashboard. */
    public static String status(String s) {
        try {
            return TargetStatus.valueOf(s).label();
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return s;
        }
    }

    public static String taskStatus(String s) {
        return TASK_STATUSES.getOrDefault(s, s);
    }

    public static String upper(String s) {
        return s == null ? "" : s.toUpperCase(VI);
    }
}
