package vn.cchc.publication.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.web.FieldError;
import vn.cchc.platform.web.InvalidRequestException;

/**
 * Reads a JSON body into a request record one field at a time, then runs Bean Validation on it, so that every
 * wrong value (an unknown channel, a malformed date) and every broken annotation is reported in ONE 400. Binding the
 * body with Jackson directly stops at the first wrong value, and {@code @Valid} runs before the domain rules, so a
 * form would need several rounds to learn all its mistakes.
 */
@Component
public class RequestBodies {
    /** The record (with null for fields that could not be read) and the errors found so far. */
    public record Read<T>(T value, List<FieldError> errors) {
        public boolean hasErrorOn(String field) {
            return errors.stream().anyMatch(e -> e.field().equals(field) || e.field().startsWith(field + ".")
                    || e.field().startsWith(field + "["));
        }
    }

    private final JsonMapper json;
    private final Validator validator;

    RequestBodies(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** Reads and validates (annotations only); the caller adds its own rules and throws if anything was found. */
    public <T extends Record> Read<T> read(JsonNode body, Class<T> type) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("", "type", "The request body must be a JSON object.");
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            JsonNode node = body.get(components[i].getName());
            if (node == null || node.isNull()) {
                continue;
            }
            JavaType javaType = json.getTypeFactory().constructType(components[i].getGenericType());
            try {
                values[i] = json.readerFor(javaType).readValue(node);
            } catch (JacksonException e) {
                errors.add(conversionError(components[i].getName(), javaType, e));
            }
        }
        T value = construct(type, components, values);
        Set<String> unreadable = errors.stream().map(FieldError::field).collect(Collectors.toSet());
        for (ConstraintViolation<T> v : validator.validate(value)) {
            String field = v.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "");
            // a value that could not be read is reported once, as unreadable, not again as missing
            if (unreadable.stream().noneMatch(u -> field.equals(u) || field.startsWith(u.replaceAll("\\[.*$", "")))) {
                errors.add(new FieldError(field, rule(v), v.getMessage()));
            }
        }
        return new Read<>(value, errors);
    }

    /** An optional boolean property of the body (e.g. confirmDuplicate); a non-boolean value is an error. */
    public static boolean flag(JsonNode body, String name, List<FieldError> errors) {
        JsonNode node = body == null ? null : body.get(name);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            errors.add(new FieldError(name, "type", "Must be true or false."));
            return false;
        }
        return node.asBoolean();
    }

    /** 400 with every error, sorted by field (and rule), each (field, rule) once. */
    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(sorted(errors));
        }
    }

    public static List<FieldError> sorted(List<FieldError> errors) {
        List<FieldError> unique = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (FieldError e : errors) {
            if (seen.add(e.field() + "\u0000" + e.rule())) {
                unique.add(e);
            }
        }
        unique.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::rule));
        return unique;
    }

    /** NotBlank → not-blank, as the Problem Details advice names rules. */
    public static String rule(ConstraintViolation<?> v) {
        return v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()
                .replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static FieldError conversionError(String name, JavaType javaType, JacksonException e) {
        String inner = e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        String field = name + inner;
        Class<?> target = javaType.isCollectionLikeType() ? javaType.getContentType().getRawClass() : javaType.getRawClass();
        if (target.isEnum()) {
            return new FieldError(field, "format", "Must be one of " + Arrays.stream(target.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", ")) + ".");
        }
        if (e instanceof InvalidFormatException invalid) {
            return new FieldError(field, "format", "Value '" + invalid.getValue() + "' is not allowed here.");
        }
        return new FieldError(field, "type", "Wrong type of value.");
    }

    private static <T> T construct(Class<T> type, RecordComponent[] components, Object[] values) {
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type.getSimpleName(), e);
        }
    }
}
