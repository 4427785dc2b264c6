package vn.cchc.publication.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.cchc.platform.web.FieldError;
import vn.cchc.publication.Channel;
import vn.cchc.publication.Engagement;
import vn.cchc.publication.Kind;
import vn.cchc.publication.RecordPublicationRequest;
import vn.cchc.publication.Theme;

/**
 * Turns one spreadsheet row into a record request. Headers are the Vietnamese ones of the template
 * ({@code Đơn vị, Kênh, Loại, Tiêu đề, …}) or the API field names; values are codes or Vietnamese labels; times are
 * {@code dd/MM/yyyy HH:mm} in Vietnam time (or ISO 8601). What cannot be read is reported per field.
 */
final class RowReader {
    record Read(RecordPublicationRequest request, List<FieldError> errors) {
    }

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /**
     * STRICT with 'uuuu' (the proleptic year; 'yyyy' is year-of-era, which STRICT cannot resolve without an era):
     * 30/02/2026 is refused, not bent into 28/02 as the default SMART style does.
     */
    private static final List<DateTimeFormatter> LOCAL_TIMES = List.of(strict("d/M/uuuu H:mm"), strict("d/M/uuuu H:mm:ss"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    private static final List<DateTimeFormatter> DATES = List.of(strict("d/M/uuuu"), DateTimeFormatter.ISO_LOCAL_DATE);
    static final String NO_SUCH_DATE = "no-such-date";

    /** Header (normalised) → field. */
    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("đơn vị", "unitId"), Map.entry("mã đơn vị", "unitId"), Map.entry("unitid", "unitId"),
            Map.entry("kênh", "channel"), Map.entry("kênh đăng tải", "channel"), Map.entry("channel", "channel"),
            Map.entry("loại", "kind"), Map.entry("loại tin", "kind"), Map.entry("hình thức", "kind"), Map.entry("kind", "kind"),
            Map.entry("tiêu đề", "title"), Map.entry("title", "title"),
            Map.entry("tóm tắt", "summary"), Map.entry("summary", "summary"),
            Map.entry("đường dẫn", "url"), Map.entry("link", "url"), Map.entry("url", "url"),
            Map.entry("thời gian đăng", "publishedAt"), Map.entry("ngày đăng", "publishedAt"),
            Map.entry("thời gian phát", "publishedAt"), Map.entry("publishedat", "publishedAt"),
            Map.entry("thời lượng (phút)", "durationMinutes"), Map.entry("thời lượng (giây)", "durationSeconds"),
            Map.entry("durationseconds", "durationSeconds"),
            Map.entry("chủ đề", "themes"), Map.entry("themes", "themes"),
            Map.entry("tác giả", "author"), Map.entry("author", "author"),
            Map.entry("mã kế hoạch", "planId"), Map.entry("planid", "planId"),
            Map.entry("mã nhiệm vụ", "taskId"), Map.entry("taskid", "taskId"),
            Map.entry("lượt xem", "views"), Map.entry("views", "views"),
            Map.entry("lượt tương tác", "interactions"), Map.entry("interactions", "interactions"),
            Map.entry("mã yêu cầu", "clientRequestId"), Map.entry("clientrequestid", "clientRequestId"));

    private RowReader() {
    }

    static Read read(Map<String, String> row, String defaultUnitId) {
        Map<String, String> cells = new java.util.HashMap<>();
        row.forEach((header, value) -> {
            String field = HEADERS.get(normalize(header));
            if (field != null && value != null && !value.isBlank()) {
                cells.put(field, value.strip());
            }
        });
        List<FieldError> errors = new ArrayList<>();
        String unitId = cells.getOrDefault("unitId", defaultUnitId);
        Channel channel = Channel.parse(cells.get("channel")).orElse(null);
        if (channel == null && cells.get("channel") != null) {
            // name the accepted channels: the list grew (television, press, loudspeakers, banners, leaflets, meetings…)
            errors.add(new FieldError("channel", "unknown-value", "Unknown channel '" + cells.get("channel") + "'; use one of: "
                    + String.join(", ", java.util.Arrays.stream(Channel.values()).map(Channel::label).toList()) + "."));
        }
        Kind kind = enumField(cells, "kind", Kind::parse, errors);
        OffsetDateTime publishedAt = time(cells.get("publishedAt"), errors);
        Integer duration = cells.containsKey("durationSeconds") ? number(cells, "durationSeconds", errors)
                : Optional.ofNullable(number(cells, "durationMinutes", errors)).map(m -> m * 60).orElse(null);
        List<Theme> themes = new ArrayList<>();
        if (cells.containsKey("themes")) {
            for (String part : cells.get("themes").split("[;\\n]")) {
                if (!part.isBlank()) {
                    Theme.parse(part).ifPresentOrElse(themes::add, () -> errors.add(new FieldError("themes", "unknown-value",
                            "Unknown theme '" + part.strip() + "'.")));
                }
            }
        }
        Integer views = number(cells, "views", errors);
        Integer interactions = number(cells, "interactions", errors);
        Engagement engagement = views == null && interactions == null ? null
                : new Engagement(views == null ? null : views.longValue(), interactions == null ? null : interactions.longValue());
        RecordPublicationRequest request = new RecordPublicationRequest(unitId, channel, kind, cells.get("title"),
                cells.get("summary"), cells.get("url"), publishedAt, duration, themes, cells.get("planId"),
                cells.get("taskId"), cells.get("author"), engagement, cells.get("clientRequestId"));
        return new Read(request, errors);
    }

    /**
     * A key derived from what identifies the item, used when the row has no request id of its own: uploading the
     * same list again (or an overlapping one) does not count its items twice, even those without a link.
     */
    static String contentKey(RecordPublicationRequest r) {
        String identity = String.join("|", r.unitId(), String.valueOf(r.channel()), String.valueOf(r.kind()),
                String.valueOf(r.publishedAt() == null ? null : r.publishedAt().toInstant()), String.valueOf(r.title()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "import:" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static OffsetDateTime time(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException ignored) {
            // not ISO with an offset; try the local forms
        }
        for (DateTimeFormatter formatter : LOCAL_TIMES) {
            try {
                return LocalDateTime.parse(text, formatter).atZone(VIETNAM).toOffsetDateTime();
            } catch (DateTimeParseException ignored) {
                // next form
            }
        }
        for (DateTimeFormatter formatter : DATES) {
            try {
                return LocalDate.parse(text, formatter).atStartOfDay(VIETNAM).toOffsetDateTime();
            } catch (DateTimeParseException ignored) {
                // next form
            }
        }
        if (isImpossibleDate(text)) {
            errors.add(new FieldError("publishedAt", NO_SUCH_DATE, "'" + text
                    + "' is not a date of the calendar (e.g. 30/02 or 31/04); nothing was adjusted."));
        } else {
            errors.add(new FieldError("publishedAt", "format", "'" + text + "' is not a time such as 02/03/2026 08:00."));
        }
        return null;
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(java.time.format.ResolverStyle.STRICT);
    }

    /** Well-formed but not on the calendar: it parses only when fields are not resolved strictly. */
    private static boolean isImpossibleDate(String text) {
        for (DateTimeFormatter formatter : List.of(LOCAL_TIMES.get(0), LOCAL_TIMES.get(1), LOCAL_TIMES.get(2),
                DATES.get(0), DATES.get(1), DateTimeFormatter.ISO_OFFSET_DATE_TIME)) {
            try {
                formatter.withResolverStyle(java.time.format.ResolverStyle.LENIENT).parse(text);
                return true;
            } catch (DateTimeParseException ignored) {
                // next form
            }
        }
        return false;
    }

    private static <E> E enumField(Map<String, String> cells, String field, Function<String, Optional<E>> parse,
                                   List<FieldError> errors) {
        String text = cells.get(field);
        if (text == null) {
            return null; // "required" is reported by validation
        }
        Optional<E> value = parse.apply(text);
        if (value.isEmpty()) {
            errors.add(new FieldError(field, "unknown-value", "Unknown value '" + text + "'."));
        }
        return value.orElse(null);
    }

    private static Integer number(Map<String, String> cells, String field, List<FieldError> errors) {
        String text = cells.get(field);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.replace(".", "").replace(",", "").replace(" ", ""));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field.equals("durationMinutes") ? "durationSeconds" : field, "number",
                    "'" + text + "' is not a whole number."));
            return null;
        }
    }

    private static String normalize(String header) {
        return Normalizer.normalize(header == null ? "" : header.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ");
    }
}
