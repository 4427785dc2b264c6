package vn.cchc.publication.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.cchc.platform.web.FieldError;
import vn.cchc.publication.Channel;
import vn.cchc.publication.Kind;
import vn.cchc.publication.Theme;

class RowReaderTest {
    static Map<String, String> row(String... pairs) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put(pairs[i], pairs[i + 1]);
        }
        return row;
    }

    @Test
    void readsVietnameseHeadersLabelsAndLocalTimes() {
        RowReader.Read read = RowReader.read(row("Kênh", "đài truyền thanh", "Loại", "Chương trình phát thanh",
                "Tiêu đề", "Đối thoại", "Thời gian đăng", "31/01/2026 20:00", "Thời lượng (phút)", "30",
                "Chủ đề", "PAR_INDEX; Một cửa, một cửa liên thông", "Lượt xem", "1.250"), "vinh-long.phu-khuong");

        assertThat(read.errors()).isEmpty();
        assertThat(read.request().unitId()).isEqualTo("vinh-long.phu-khuong");
        assertThat(read.request().channel()).isEqualTo(Channel.RADIO);
        assertThat(read.request().kind()).isEqualTo(Kind.BROADCAST);
        assertThat(read.request().publishedAt().toInstant()).hasToString("2026-01-31T13:00:00Z");
        assertThat(read.request().durationSeconds()).isEqualTo(1800);
        assertThat(read.request().themes()).containsExactly(Theme.PAR_INDEX, Theme.ONE_STOP_SHOP);
        assertThat(read.request().engagement().views()).isEqualTo(1250);
    }

    @Test
    void reportsWhatCannotBeReadPerField() {
        RowReader.Read read = RowReader.read(row("Kênh", "bồ câu đưa thư", "Loại", "ARTICLE", "Tiêu đề", "Tin",
                "Thời gian đăng", "tuần trước", "Chủ đề", "Thời tiết"), null);

        assertThat(read.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("channel", "publishedAt", "themes");
    }

    @Test
    void datesThatAreNotOnTheCalendarAreRefusedNotAdjusted() {
        for (String text : new String[] {"30/02/2026 08:00", "31/04/2026", "29/02/2025 20:15", "2026-02-30T08:00"}) {
            java.util.List<FieldError> errors = new java.util.ArrayList<>();
            assertThat(RowReader.time(text, errors)).as(text).isNull();
            assertThat(errors).as(text).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("publishedAt");
                assertThat(e.rule()).isEqualTo("no-such-date");
                assertThat(e.message()).contains(text);
            });
        }
        java.util.List<FieldError> errors = new java.util.ArrayList<>();
        assertThat(RowReader.time("29/02/2028 20:15", errors).toLocalDate()).hasToString("2028-02-29"); // a leap year
        assertThat(RowReader.time("2/3/2026 8:05", errors).toLocalDateTime()).hasToString("2026-03-02T08:05");
        assertThat(errors).isEmpty();
        RowReader.time("hôm qua", errors);
        assertThat(errors).extracting(FieldError::rule).containsExactly("format");
    }

    @Test
    void theContentKeyIsStableForTheSameItemAndDiffersOtherwise() {
        var a = RowReader.read(row("Kênh", "RADIO", "Loại", "BROADCAST", "Tiêu đề", "Bản tin", "Thời gian đăng", "02/03/2026 20:00"), "u.v").request();
        var b = RowReader.read(row("Kênh", "RADIO", "Loại", "BROADCAST", "Tiêu đề", "Bản tin", "Thời gian đăng", "2026-03-02T20:00"), "u.v").request();
        var c = RowReader.read(row("Kênh", "RADIO", "Loại", "BROADCAST", "Tiêu đề", "Bản tin", "Thời gian đăng", "03/03/2026 20:00"), "u.v").request();
        assertThat(RowReader.contentKey(a)).isEqualTo(RowReader.contentKey(b)).isNotEqualTo(RowReader.contentKey(c));
    }

    @Test
    void readsTheNewChannelsByTheirVietnameseLabelsAndListsThemWhenOneIsUnknown() {
        Map<String, Channel> labels = Map.of("Cổng Dịch vụ công quốc gia", Channel.NATIONAL_PUBLIC_SERVICE_PORTAL,
                "truyền hình", Channel.TELEVISION, "Báo chí", Channel.PRESS, "Loa truyền thanh", Channel.LOUDSPEAKER,
                "Băng rôn/pano", Channel.BANNER, "Tờ rơi", Channel.LEAFLET, "hội nghị/cuộc họp", Channel.MEETING,
                "NATIONAL_PUBLIC_SERVICE_PORTAL", Channel.NATIONAL_PUBLIC_SERVICE_PORTAL);
        labels.forEach((label, channel) -> assertThat(RowReader.read(row("Kênh", label, "Loại", "ARTICLE", "Tiêu đề", "Tin",
                "Thời gian đăng", "02/03/2026 08:00"), "u.v").request().channel()).as(label).isEqualTo(channel));

        FieldError unknown = RowReader.read(row("Kênh", "bồ câu đưa thư", "Loại", "ARTICLE", "Tiêu đề", "Tin",
                "Thời gian đăng", "02/03/2026 08:00"), "u.v").errors().getFirst();
        assertThat(unknown.rule()).isEqualTo("unknown-value");
        assertThat(unknown.message()).contains("bồ câu đưa thư", "Truyền hình", "Loa truyền thanh", "Hội nghị/cuộc họp");
    }
}
