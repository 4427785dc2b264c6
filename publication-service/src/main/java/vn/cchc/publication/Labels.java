package vn.cchc.publication;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Reads an enum from its code or its Vietnamese label, as people type them in spreadsheets. */
final class Labels {
    private Labels() {
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text, Function<E, String> label) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String wanted = key(text);
        for (E value : type.getEnumConstants()) {
            if (key(value.name()).equals(wanted) || key(label.apply(value)).equals(wanted)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** NFC (Excel may save decomposed diacritics), lower case, '_' and spaces alike. */
    private static String key(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replace('_', ' ').replaceAll("\\s+", " ");
    }
}
