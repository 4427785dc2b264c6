package vn.cchc.plan.imports.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cchc.plan.plans.ReportPeriod;
import vn.cchc.plan.plans.ReportingDuty;
import vn.cchc.plan.plans.UnitRef;

/**
 * Reporting duties: a sentence that says "báo cáo" with a cadence (định kỳ; đột xuất / theo yêu cầu; lồng ghép trong
 * báo cáo CCHC; quý, 6 tháng, năm; theo quy định) or a dated sending ("gửi … trước ngày 20/01/2026"). The recipient
 * follows "gửi về / về / gửi"; "(qua Phòng …)" is a step of the chain; the reporter is the unit of the section.
 */
final class ReportingDutyReader {
    private static final Pattern RECIPIENT = Pattern.compile("(?:gui ve|gui len|gui|ve|len|cho)\\s+((?:so|uy ban|ubnd|phong|van phong|trung tam|ban|bo|thuong truc|hoi dong|dang uy|tinh uy|thanh uy)\\b.*?)(?=\\s+(?:de|theo|truoc|qua|dinh ky|hoac|trong|chau|cham|tong hop)\\b|\\s*[(,;.]|$)");
    private static final Pattern VIA = Pattern.compile("\\(\\s*qua\\s+([^)]+)\\)");

    private ReportingDutyReader() {
    }

    static List<ReportingDuty> read(Line line, UnitRef reporter, Findings out, int offset) {
        List<ReportingDuty> duties = new ArrayList<>();
        for (String s : line.text().split("(?<=[.;])\\s+")) {
            String f = Fold.fold(s);
            boolean report = f.matches(".*bao ?cao.*");
            boolean cadence = f.matches(".*(dinh ky|dot xuat|theo yeu cau|long ghep|hang quy|6 thang|sau thang|hang nam|theo quy dinh|truoc ngay).*");
            boolean sending = f.matches(".*\\bgui\\b.*") && f.contains("truoc ngay");
            if (!((report && cadence) || sending)) {
                continue;
            }
            List<ReportPeriod> periods = new ArrayList<>();
            String after = f;
            if (after.matches(".*\\bquy\\b(?!\\s*(dinh|che|tac|mo|trinh|hoach|chuan)).*")) {
                periods.add(ReportPeriod.QUARTER);
            }
            if (after.matches(".*\\b(6|sau) thang\\b.*")) {
                periods.add(ReportPeriod.HALF_YEAR);
            }
            if (after.matches(".*((,|va|hoac)\\s*nam\\b(?!\\s*\\d)|hang nam|bao cao nam\\b(?!\\s*\\d)).*")) {
                periods.add(ReportPeriod.YEAR);
            }
            boolean periodic = f.contains("dinh ky") || !periods.isEmpty() || f.contains("theo quy dinh");
            boolean onRequest = f.contains("dot xuat") || f.contains("theo yeu cau");
            boolean integrated = f.contains("long ghep");
            LocalDate deadline = null;
            Matcher dm = Pattern.compile("truoc ngay").matcher(f);
            if (dm.find()) {
                VnDates.Found d = VnDates.first(s.substring(dm.start()));
                deadline = d == null ? null : d.date();
            }
            String recipient = null;
            Matcher rm = RECIPIENT.matcher(f);
            Matcher bm = Pattern.compile("bao ?cao").matcher(f);
            int start = bm.find() ? bm.start() : 0;
            while (rm.find()) {
                recipient = Fold.collapse(s.substring(rm.start(1), rm.end(1)));
                if (rm.start() >= start) {
                    break;
                }
            }
            List<UnitRef> chain = new ArrayList<>();
            Matcher vm = VIA.matcher(f);
            String path = "reportingDuties[" + (offset + duties.size()) + "]";
            while (vm.find()) {
                UnitRef via = out.unit(Fold.collapse(s.substring(vm.start(1), vm.end(1))), path + ".chain[" + chain.size() + "]", line);
                chain.add(via);
            }
            if (recipient != null && !chain.isEmpty()) {
                chain.add(out.unit(recipient, path + ".chain[" + chain.size() + "]", line));
            }
            ReportingDuty duty = new ReportingDuty(null, recipient, periods, periodic, onRequest, integrated, deadline, reporter, chain,
                    Fold.collapse(s));
            out.field(path + ".recipient", recipient, line, 0.7);
            out.field(path + ".periods", periods.stream().map(Enum::name).toList(), line, 0.7);
            out.field(path + ".deadline", deadline == null ? null : deadline.toString(), line, 0.8);
            if (recipient == null) {
                out.warn(path + ".recipient", line, "Không xác định được nơi nhận báo cáo.");
            }
            duties.add(duty);
        }
        return duties;
    }
}
