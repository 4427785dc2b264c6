package vn.cchc.plan.imports.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cchc.plan.plans.PublicationKind;
import vn.cchc.plan.plans.ScheduledItem;
import vn.cchc.plan.plans.TimeFrame;
import vn.cchc.plan.units.Channel;

/**
 * Rows of a schedule table (date, time, title / topic, presenter, unit) → ScheduledItem. Without a title column the
 * programme's name comes from the caption's quoted name ("Đối thoại về cải cách hành chính"); the channel from the
 * caption or row (radio, television…); the unit from the unit column, else the issuing unit. Dates without a year
 * are in the plan year.
 */
final class ScheduleRows {
    private static final Pattern QUOTED = Pattern.compile("[\"“]([^\"”]{4,200})[\"”]");

    private ScheduleRows() {
    }

    static void read(TableReader.Table table, Integer year, Findings out, List<ScheduledItem> items) {
        String caption = table.caption == null ? "" : table.caption;
        Matcher q = QUOTED.matcher(caption);
        String programme = q.find() ? Fold.collapse(q.group(1)) : null;
        List<Channel> capChannels = Channels.in(caption);
        for (TableReader.Row row : table.rows) {
            Line src = new Line(row.from, row.to, row.raw.toString(), false, List.of());
            String path = "scheduledItems[" + items.size() + "]";
            String dateText = String.join(" ", nonNull(TaskRows.plain(row.get(TableReader.Role.DATE)),
                    TaskRows.plain(row.get(TableReader.Role.TIME)), TaskRows.plain(row.get(TableReader.Role.HOUR))));
            VnDates.Found date = VnDates.firstDayMonth(dateText, year);
            if (date == null) {
                out.warn(path + ".date", src, "Không đọc được ngày của dòng lịch; dòng này chưa được đưa vào bản nháp.");
                continue;
            }
            String hourText = TaskRows.plain(row.get(TableReader.Role.HOUR));
            String[] times = VnDates.times(hourText != null ? hourText : dateText.substring(0, date.start()) + " " + dateText.substring(date.end()));
            if (times[0] == null && hourText == null) {
                times = VnDates.times(dateText);
            }
            String title = TaskRows.plain(row.get(TableReader.Role.TASK));
            String topic = TaskRows.plain(row.get(TableReader.Role.TOPIC));
            if (topic == null && programme != null && title != null && table.header(TableReader.Role.TASK).matches(".*(noi dung|chu de).*")) {
                // a "Nội dung" column under a named programme holds each broadcast's topic
                topic = title;
                title = programme;
            }
            if (title == null) {
                title = programme != null ? programme : topic;
            }
            if (title == null) {
                out.warn(path + ".title", src, "Dòng lịch không có tên chương trình; chưa đưa vào bản nháp.");
                continue;
            }
            String presenter = TaskRows.plain(row.get(TableReader.Role.PRESENTER));
            String unitText = TaskRows.plain(row.get(TableReader.Role.UNIT));
            String unitId = null;
            if (unitText != null) {
                unitId = out.unit(unitText, path + ".unit", src).unitId();
            }
            if (unitId == null) {
                unitId = out.issuingUnitId;
            }
            List<Channel> rowChannels = Channels.in(src.text());
            Channel channel = !capChannels.isEmpty() ? capChannels.getFirst() : !rowChannels.isEmpty() ? rowChannels.getFirst() : null;
            if (channel == null) {
                channel = Fold.fold(caption).contains("phat song") ? Channel.RADIO : Channel.ON_SITE;
            }
            PublicationKind kind = switch (channel) {
                case RADIO, TELEVISION, LOUDSPEAKER -> PublicationKind.BROADCAST;
                default -> Fold.fold(title).contains("doi thoai") ? PublicationKind.DIALOGUE : PublicationKind.ARTICLE;
            };
            String end = times[1];
            if (times[0] != null && end != null && end.compareTo(times[0]) <= 0) {
                end = null;
            }
            items.add(new ScheduledItem(null, title, date.date(), times[0], end, unitId, channel, kind, presenter, topic,
                    Fold.collapse(src.text().replace('\t', ' '))));
            out.field(path + ".date", date.date().toString(), src, 0.85);
            out.field(path + ".startTime", times[0], src, 0.8);
            out.field(path + ".endTime", end, src, 0.8);
            out.field(path + ".title", title, src, 0.7);
            out.field(path + ".topic", topic, src, 0.7);
            out.field(path + ".presenter", presenter, src, 0.7);
            if (unitId == null) {
                out.warn(path + ".unitId", src, "Chưa xác định được đơn vị thực hiện của dòng lịch.");
            }
        }
    }

    /**
     * A programme table whose rows give only a month ("Tháng 3"), no day: its rows are tasks due that month, not
     * broadcasts on a date.
     */
    static boolean monthsOnly(TableReader.Table table, Integer year) {
        if (table.rows.isEmpty() || table.roles.contains(TableReader.Role.DATE) && table.roles.contains(TableReader.Role.HOUR)
                && false) {
            return false;
        }
        int months = 0;
        for (TableReader.Row row : table.rows) {
            String dateText = String.join(" ", nonNull(TaskRows.plain(row.get(TableReader.Role.DATE)),
                    TaskRows.plain(row.get(TableReader.Role.TIME))));
            if (dateText.isBlank() || VnDates.firstDayMonth(dateText, year) != null) {
                return false;
            }
            TimeFrame tf = TimeFrames.parse(dateText, year);
            if (tf != null && tf.type() == vn.cchc.plan.plans.TimeFrameType.MONTH) {
                months++;
            }
        }
        return months * 2 > table.rows.size() && TaskRows.plain(table.rows.getFirst().get(TableReader.Role.TASK)) != null;
    }

    private static List<String> nonNull(String... s) {
        return java.util.Arrays.stream(s).filter(java.util.Objects::nonNull).toList();
    }
}
