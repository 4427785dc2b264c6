package vn.cchc.task.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import vn.cchc.task.tasks.Task;
import vn.cchc.task.tasks.TaskStatus;
import vn.cchc.task.tasks.TaskWindow;
import vn.cchc.task.tasks.VietnamTime;

/**
 * An iCalendar (RFC 5545) feed of a unit's dated tasks: scheduled items (e.g. radio programmes) at their air
 * time in Asia/Ho_Chi_Minh, other tasks as all-day events on their due date (a range of months on the last day of
 * its last month, a half-year on 30/6 or 31/12). Tasks without a single due date (ongoing, recurring, per the
 * province's plan, waiting for results) are left out. Stable UIDs let a subscribed phone
 * calendar update events in place; cancelled tasks stay in the feed with STATUS:CANCELLED so they disappear there.
 */
public final class TaskCalendar {
    static final String PROD_ID = "-//CCHC//Nhiệm vụ tuyên truyền CCHC//VI";

    private TaskCalendar() {
    }

    public static String render(String unitId, List<Task> tasks) {
        Calendar calendar = new Calendar().withProdId(PROD_ID).withDefaults()
                .withProperty(new XProperty("X-WR-CALNAME", "Nhiệm vụ tuyên truyền CCHC – " + unitId))
                .withProperty(new XProperty("X-WR-TIMEZONE", VietnamTime.ZONE.getId()))
                .withComponent(TimeZoneRegistryFactory.getInstance().createRegistry()
                        .getTimeZone(VietnamTime.ZONE.getId()).getVTimeZone())
                .getFluentTarget();
        for (Task task : tasks) {
            if (task.getDueDate() != null) {
                calendar.add(event(task));
            }
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static VEvent event(Task task) {
        TaskWindow window = task.getWindow();
        VEvent event = window != null
                ? new VEvent(ZonedDateTime.ofInstant(window.start(), VietnamTime.ZONE),
                ZonedDateTime.ofInstant(window.end(), VietnamTime.ZONE), task.getTitle())
                : new VEvent(task.getDueDate(), task.getDueDate().plusDays(1), "Hạn: " + task.getTitle());
        event.add(new Uid(task.getId() + "@task-service.cchc.vn"));
        event.replace(new DtStamp(task.getChangedAt()));
        event.add(new Description(describe(task)));
        event.add(new Status(task.getStatus() == TaskStatus.CANCELLED ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        return event;
    }

    private static String describe(Task task) {
        StringBuilder text = new StringBuilder();
        text.append("Trạng thái: ").append(statusName(task.getStatus()));
        if (task.getLeadName() != null) {
            // a group or a body outside the directory leads; the issuing unit tracks the task
            text.append("\nĐơn vị chủ trì: ").append(task.getLeadName());
            text.append("\nĐơn vị theo dõi: ").append(task.getUnitId());
        } else {
            text.append("\nĐơn vị thực hiện: ").append(task.getUnitId());
        }
        if (!task.getCoordinatorNames().isEmpty()) {
            text.append("\nĐơn vị phối hợp: ").append(String.join(", ", task.getCoordinatorNames()));
        }
        if (task.getTimeFrame() != null && task.getTimeFrame().text() != null) {
            text.append("\nThời gian thực hiện: ").append(task.getTimeFrame().text());
        }
        if (!task.getProducts().isEmpty()) {
            text.append("\nSản phẩm: ").append(String.join(", ", task.getProducts()));
        }
        text.append("\nKế hoạch: ").append(task.getPlanId());
        return text.toString();
    }

    static String statusName(TaskStatus status) {
        return switch (status) {
            case PLANNED -> "Chưa thực hiện";
            case IN_PROGRESS -> "Đang thực hiện";
            case DONE -> "Đã hoàn thành";
            case OVERDUE -> "Quá hạn";
            case CANCELLED -> "Đã hủy";
        };
    }
}
