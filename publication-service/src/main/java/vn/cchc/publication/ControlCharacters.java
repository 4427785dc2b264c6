package vn.cchc.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.cchc.platform.web.FieldError;

/**
 * Text that reaches the record, the events and outside subscribers must not carry control characters (NUL, ESC,
 * bell, C1 codes…): they break consumers, terminals and CSV exports and hide content. They are refused, not removed,
 * so the sender learns which field is wrong. Tab and line breaks are allowed in long text only (summary, reason).
 * The same rule holds by hand, by spreadsheet and by feed; it is checked on what was sent and again once entities
 * are decoded ({@code &#7;} is a control character too).
 */
public final class ControlCharacters {
    public static final String RULE = "no-control-characters";

    private ControlCharacters() {
    }

    /** Every field of a record request (as sent) that holds a control character. */
    public static List<FieldError> check(RecordPublicationRequest raw) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> shortText = new java.util.LinkedHashMap<>();
        shortText.put("unitId", raw.unitId());
        shortText.put("title", raw.title());
        shortText.put("url", raw.url());
        shortText.put("author", raw.author());
        shortText.put("planId", raw.planId());
        shortText.put("taskId", raw.taskId());
        shortText.put("clientRequestId", raw.clientRequestId());
        shortText.forEach((field, value) -> check(field, value, false).ifPresent(errors::add));
        check("summary", raw.summary(), true).ifPresent(errors::add);
        return errors;
    }

    /**
     * @param longText tab, line feed and carriage return are allowed
     * @return the error, if {@code value} (or its text once entities are decoded) holds a control character
     */
    public static java.util.Optional<FieldError> check(String field, String value, boolean longText) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        int found = firstControl(value, longText);
        if (found < 0) {
            String decoded = PlainText.of(value);
            found = decoded == null ? -1 : firstControl(decoded, false);
        }
        if (found < 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new FieldError(field, RULE, "Contains the control character U+%04X; %s".formatted(found,
                longText ? "only tabs and line breaks are allowed among them." : "none are allowed here.")));
    }

    private static int firstControl(String text, boolean longText) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && !(longText && (c == '\t' || c == '\n' || c == '\r'))) {
                return c;
            }
        }
        return -1;
    }
}
