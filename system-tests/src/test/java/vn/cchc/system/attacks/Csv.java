package vn.cchc.system.attacks;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Spreadsheet uploads in the template's shape (docs/publications.md, By spreadsheet), with a row's own client key. */
final class Csv {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private Csv() {
    }

    static String header() {
        return "Đơn vị,Kênh,Loại,Tiêu đề,Tóm tắt,Đường dẫn,Thời gian đăng,Thời lượng (phút),Chủ đề,Tác giả,"
                + "Mã kế hoạch,Mã nhiệm vụ,Lượt xem,Lượt tương tác,Mã yêu cầu\n";
    }

    static String row(String unit, String channel, String kind, String title, String url, String publishedAt, String key) {
        return String.join(",", unit, channel, kind, "\"" + title.replace("\"", "\"\"") + "\"", "", url, publishedAt,
                "", "", "", "", "", "", "", key) + "\n";
    }

    /** A Vietnam time {@code minutes} ago as a spreadsheet cell: dd/MM/yyyy HH:mm. */
    static String shown(long minutes) {
        return ZonedDateTime.now(Stack.VIETNAM).minusMinutes(minutes).format(SHOWN);
    }
}
