package org.safegate.operator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.safegate.SafegateException;

/**
 * Reads the fields of one JSON object of an event strictly: every missing field, wrong type, bad
 * date or unknown field is a {@link SafegateException#invalid} naming the field by its path
 * ({@code items[1].implementation-date}).
 */
final class EventFields {
    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    /** Ids travel into YAML, audit events and messages: letters, digits and a few separators only. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    static final int MAX_TEXT_CHARS = 1000;

    private final JsonNode node;
    private final String prefix;

    private EventFields(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /** The fields of {@code node}, which must be an object and hold no field outside {@code known}. */
    static EventFields of(JsonNode node, String path, Set<String> known) {
        if (node == null || !node.isObject()) {
            throw SafegateException.invalid(path.isEmpty() ? "event" : path, "must be a JSON object");
        }
        String prefix = path.isEmpty() ? "" : path + ".";
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw SafegateException.invalid(prefix + name, "is not a field of this event (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
        return new EventFields(node, prefix);
    }

    boolean has(String name) {
        return node.has(name);
    }

    String path(String name) {
        return prefix + name;
    }

    /** A required identifier (letters, digits, '.', '_', '-'). */
    String id(String name) {
        String value = text(name);
        if (!ID.matcher(value).matches()) {
            throw SafegateException.invalid(path(name), "'" + printable(value)
                    + "' is not an id: use letters, digits, '.', '_' or '-' (at most 100)");
        }
        return value;
    }

    /** Required free text: not blank, no control characters, at most {@link #MAX_TEXT_CHARS}. */
    String text(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw SafegateException.invalid(path(name), "is required");
        }
        if (!value.isTextual()) {
            throw SafegateException.invalid(path(name), "must be text, not " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        String text = value.asText();
        if (text.isBlank()) {
            throw SafegateException.invalid(path(name), "is blank");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw SafegateException.invalid(path(name), "is longer than " + MAX_TEXT_CHARS + " characters");
        }
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x202e)) {
            throw SafegateException.invalid(path(name), "contains a control character");
        }
        return text.strip();
    }

    /** A required date, YYYY-MM-DD, not after {@code today} (it records something that happened). */
    LocalDate pastDate(String name, LocalDate today) {
        LocalDate date = date(name);
        if (date.isAfter(today)) {
            throw SafegateException.invalid(path(name), date + " is in the future (today is " + today + ")");
        }
        return date;
    }

    /** A required date, YYYY-MM-DD. */
    LocalDate date(String name) {
        return optionalDate(name).orElseThrow(() -> SafegateException.invalid(path(name), "is required"));
    }

    /** A date that may be {@code null} or absent. */
    Optional<LocalDate> optionalDate(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw SafegateException.invalid(path(name), "must be a date as text, YYYY-MM-DD");
        }
        String text = value.asText();
        if (!DATE_SHAPE.matcher(text).matches()) {
            throw SafegateException.invalid(path(name), "'" + printable(text) + "' is not a date; write YYYY-MM-DD");
        }
        try {
            return Optional.of(LocalDate.parse(text, ISO_DATE));
        } catch (DateTimeParseException e) {
            throw SafegateException.invalid(path(name), "'" + text + "' is not a real calendar date");
        }
    }

    /** A required whole number within bounds. */
    int integer(String name, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw SafegateException.invalid(path(name), "is required");
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw SafegateException.invalid(path(name), "must be a whole number");
        }
        int number = value.intValue();
        if (number < min || number > max) {
            throw SafegateException.invalid(path(name), number + " is not between " + min + " and " + max);
        }
        return number;
    }

    /** A list of objects, each read with its own path {@code name[i]}. */
    List<EventFields> objects(String name, Set<String> known, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw SafegateException.invalid(path(name), "is required");
            }
            return List.of();
        }
        if (!value.isArray()) {
            throw SafegateException.invalid(path(name), "must be a list");
        }
        if (value.size() > 1000) {
            throw SafegateException.invalid(path(name), "lists more than 1000 entries");
        }
        List<EventFields> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            items.add(of(value.get(i), path(name) + "[" + i + "]", known));
        }
        return items;
    }

    private static String printable(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return org.safegate.transfer.FileNames.printable(shown);
    }
}
