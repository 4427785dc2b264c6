package vn.cchc.benchmark.province;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the province generator creates, as request bodies of the public API, decided before anything is sent (pure,
 * deterministic for a given run id and clock): N communes under the province, each operating a website and a radio
 * station, each with an issued plan of the year carrying the two targets of the sample plans (at least 12 articles a
 * year on the website, at least 2 broadcasts a month on the radio), and a year of items: one article for every two
 * broadcasts, spread evenly from 1 January to now, so most months meet the radio target and some fall one short, as
 * in a real year.
 */
public final class ProvinceShape {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final String province;
    private final String runId;
    private final int communes;
    private final int itemsPerCommune;
    private final int year;
    private final Instant from;
    private final Instant until;

    /**
     * @param now the run's clock: items are dated from 1 January of its year (Vietnam time) to an hour before it,
     *            never in the future (publication-service refuses that)
     */
    public ProvinceShape(String province, String runId, int communes, int itemsPerCommune, Instant now) {
        if (communes < 1 || itemsPerCommune < 1) {
            throw new IllegalArgumentException("communes and items per commune must be at least 1");
        }
        this.province = province;
        this.runId = runId;
        this.communes = communes;
        this.itemsPerCommune = itemsPerCommune;
        this.year = now.atZone(VIETNAM).getYear();
        this.from = LocalDate.of(year, 1, 1).atStartOfDay(VIETNAM).toInstant();
        Instant latest = now.minus(Duration.ofHours(1));
        this.until = latest.isAfter(from.plus(Duration.ofDays(1))) ? latest : from.plus(Duration.ofDays(1));
    }

    public int year() {
        return year;
    }

    public int communes() {
        return communes;
    }

    public int totalItems() {
        return communes * itemsPerCommune;
    }

    /** {@code vinh-long.p20261130-0712-c0042}: unique per run, so runs against one stack never share a commune. */
    public String communeId(int index) {
        return province + ".p" + runId + "-c" + String.format("%04d", index + 1);
    }

    public String communeName(int index) {
        return "Xã Đo Tải " + runId + " số " + (index + 1);
    }

    public List<String> communeIds() {
        List<String> ids = new ArrayList<>(communes);
        for (int i = 0; i < communes; i++) {
            ids.add(communeId(i));
        }
        return ids;
    }

    /** {@code POST /api/units}: a commune operating a website and a radio station (items need an operated channel). */
    public Map<String, Object> unitBody(int index) {
        String id = communeId(index);
        String host = "https://" + id.replace('.', '-') + ".benchmark.example.vn";
        return Map.of("unitId", id, "name", communeName(index), "kind", "COMMUNE", "channels", List.of(
                Map.of("channel", "WEBSITE", "name", "Trang thông tin điện tử " + communeName(index), "url", host),
                Map.of("channel", "RADIO", "name", "Đài truyền thanh " + communeName(index))));
    }

    /** {@code POST /api/plans}: the plan of the year, in force from 1 January, with the sample plans' two targets. */
    public Map<String, Object> planBody(int index) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("issuingUnitId", communeId(index));
        plan.put("year", year);
        plan.put("place", "Vĩnh Long");
        plan.put("issuedOn", LocalDate.of(year, 1, 1).toString());
        plan.put("title", "Kế hoạch thông tin, tuyên truyền cải cách hành chính năm " + year);
        plan.put("targets", List.of(
                Map.of("description", "Ít nhất 12 tin, bài/năm trên Trang thông tin điện tử", "kinds", List.of("ARTICLE"),
                        "channels", List.of("WEBSITE"), "minimum", 12, "period", "YEAR", "scope", "UNIT"),
                Map.of("description", "Ít nhất 02 tin, bài mỗi tháng trên Đài truyền thanh", "kinds", List.of("BROADCAST"),
                        "channels", List.of("RADIO"), "minimum", 2, "period", "MONTH", "scope", "UNIT")));
        return plan;
    }

    /**
     * The {@code item}-th item (0-based) of commune {@code index}: every third one an article with a link of its own,
     * the others 10-minute broadcasts. Dates are spread evenly over the year so far, each commune shifted by a few
     * minutes so the province's items do not all share a minute; two items of one commune never share a minute (a
     * link-less broadcast in the same minute would be a probable duplicate, 409).
     */
    public Map<String, Object> itemBody(int index, int item) {
        String unit = communeId(index);
        long span = Duration.between(from, until).toMinutes();
        long offset = (long) ((item + 0.5) * span / itemsPerCommune) + (index * 7L) % 60;
        Instant publishedAt = from.plus(Math.min(offset, span), ChronoUnit.MINUTES);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitId", unit);
        body.put("publishedAt", publishedAt.toString());
        if (item % 3 == 0) {
            body.put("channel", "WEBSITE");
            body.put("kind", "ARTICLE");
            body.put("title", "Đẩy mạnh dịch vụ công trực tuyến, tin số " + (item + 1));
            body.put("url", "https://" + unit.replace('.', '-') + ".benchmark.example.vn/tin-tuc/" + (item + 1));
        } else {
            body.put("channel", "RADIO");
            body.put("kind", "BROADCAST");
            body.put("title", "Chuyên mục Cải cách hành chính, buổi số " + (item + 1));
            body.put("durationSeconds", 600);
        }
        return body;
    }

    /** The burst's {@code n}-th item: an article of now, on the communes in turn, with a link unique to the run. */
    public Map<String, Object> burstItemBody(int n, Instant publishedAt) {
        String unit = communeId(n % communes);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitId", unit);
        body.put("channel", "WEBSITE");
        body.put("kind", "ARTICLE");
        body.put("title", "Tin đợt cao điểm số " + (n + 1));
        body.put("url", "https://" + unit.replace('.', '-') + ".benchmark.example.vn/cao-diem/" + (n + 1));
        body.put("publishedAt", publishedAt.toString());
        return body;
    }
}
