package org.safegate.policy.load;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.safegate.policy.model.Source;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed, strict access to one YAML mapping. Every value read is checked for presence and type;
 * every problem is recorded with the file, line and dotted field path; keys that no reader asked
 * for are reported as unknown by {@link #rejectUnknownKeys()}.
 */
final class MappingReader {
    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}");

    private final Path file;
    private final String prefix;
    private final Problems problems;
    private final Node node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> asked = new HashSet<>();

    private MappingReader(Path file, String prefix, Problems problems, MappingNode node) {
        this.file = file;
        this.prefix = prefix;
        this.problems = problems;
        this.node = node;
        for (NodeTuple tuple : node.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null) {
                error(tuple.getKeyNode(), prefix, ProblemCode.WRONG_TYPE, "keys must be plain names");
            } else if (entries.putIfAbsent(key, tuple) != null) {
                error(tuple.getKeyNode(), field(key), ProblemCode.DUPLICATE_KEY,
                        "appears more than once (first on line " + line(entries.get(key).getKeyNode()) + ")");
            }
        }
    }

    /** A reader for the node, or empty (with the problem recorded) when it is not a mapping. */
    static Optional<MappingReader> of(Node node, Path file, String field, Problems problems) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(new MappingReader(file, field, problems, mapping));
        }
        problems.error(file, line(node), field, ProblemCode.NOT_A_MAPPING,
                "expected a mapping of keys to values, found " + describe(node));
        return Optional.empty();
    }

    Path file() {
        return file;
    }

    int line() {
        return line(node);
    }

    /** Where this mapping is, with the line of each of its keys. */
    Source source() {
        Map<String, Integer> keyLines = new HashMap<>();
        entries.forEach((key, tuple) -> keyLines.put(key, line(tuple.getKeyNode())));
        return new Source(file, line(), keyLines);
    }

    /** The line of the key, or of the mapping when the key is absent. */
    int lineOf(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? line() : line(tuple.getKeyNode());
    }

    String field(String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    /** Whether the key is present, whatever its value. */
    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** A required text value; null when missing or not text (recorded). */
    String string(String key) {
        return scalar(key, true).orElse(null);
    }

    Optional<String> optionalString(String key) {
        return scalar(key, false);
    }

    /** A required date in YYYY-MM-DD form; null when missing or invalid (recorded). */
    LocalDate date(String key) {
        return scalar(key, true).map(text -> parseDate(key, text)).orElse(null);
    }

    /** An optional date; {@code null} or absence both mean "no date". */
    Optional<LocalDate> optionalDate(String key) {
        return scalar(key, false).map(text -> parseDate(key, text));
    }

    /** A required whole number; null when missing or not a number (recorded). */
    Integer integer(String key) {
        return optionalInteger(key, true);
    }

    Optional<Integer> optionalInteger(String key) {
        return Optional.ofNullable(optionalInteger(key, false));
    }

    private Integer optionalInteger(String key, boolean required) {
        Optional<String> text = scalar(key, required);
        if (text.isEmpty()) {
            return null;
        }
        if (!WHOLE_NUMBER.matcher(text.get()).matches()) {
            error(valueNode(key), field(key), ProblemCode.WRONG_TYPE,
                    "expected a whole number, found '" + text.get() + "'");
            return null;
        }
        return Integer.valueOf(text.get());
    }

    /** A list of text values; an absent key is an empty list unless required. */
    List<String> stringList(String key, boolean required) {
        List<String> values = new ArrayList<>();
        for (Node item : sequence(key, required)) {
            if (item instanceof ScalarNode scalar && !Tag.NULL.equals(scalar.getTag())) {
                values.add(scalar.getValue());
            } else {
                error(item, field(key), ProblemCode.WRONG_TYPE, "expected text, found " + describe(item));
            }
        }
        if (required && values.isEmpty() && entries.containsKey(key)) {
            error(valueNode(key), field(key), ProblemCode.MISSING_FIELD, "must list at least one value");
        }
        return values;
    }

    /** A nested mapping; empty when absent (recorded if required) or of the wrong type. */
    Optional<MappingReader> mapping(String key, boolean required) {
        Node value = valueNode(key);
        if (value == null || isNull(value)) {
            if (required) {
                missing(key);
            }
            return Optional.empty();
        }
        return of(value, file, field(key), problems);
    }

    /** A list of mappings, each with a reader whose field path is {@code key[index]}. */
    List<MappingReader> mappingList(String key) {
        List<MappingReader> readers = new ArrayList<>();
        List<Node> items = sequence(key, false);
        for (int i = 0; i < items.size(); i++) {
            of(items.get(i), file, field(key) + "[" + i + "]", problems).ifPresent(readers::add);
        }
        return readers;
    }

    /** One mapping or a list of them under the key; absent means none. */
    List<MappingReader> mappingOrList(String key) {
        Node value = valueNode(key);
        if (value instanceof MappingNode) {
            return of(value, file, field(key), problems).map(List::of).orElse(List.of());
        }
        return mappingList(key);
    }

    /** Records every key that no reader asked for. Call after reading all known keys. */
    void rejectUnknownKeys() {
        entries.forEach((key, tuple) -> {
            if (!asked.contains(key)) {
                error(tuple.getKeyNode(), field(key), ProblemCode.UNKNOWN_KEY, "is not a known key here");
            }
        });
    }

    /** Records a problem with one of this mapping's keys (the field path is added here). */
    void problem(int line, String key, ProblemCode code, String message) {
        problems.error(file, line, field(key), code, message);
    }

    /** Records a warning about one of this mapping's keys: the set still loads. */
    void warning(int line, String key, ProblemCode code, String message) {
        problems.warning(file, line, field(key), code, message);
    }

    void error(Node at, String field, ProblemCode code, String message) {
        problems.error(file, line(at), field, code, message);
    }

    private List<Node> sequence(String key, boolean required) {
        Node value = valueNode(key);
        if (value == null || isNull(value)) {
            if (required) {
                missing(key);
            }
            return List.of();
        }
        if (value instanceof SequenceNode seq) {
            return seq.getValue();
        }
        error(value, field(key), ProblemCode.WRONG_TYPE, "expected a list, found " + describe(value));
        return List.of();
    }

    private Optional<String> scalar(String key, boolean required) {
        Node value = valueNode(key);
        if (value == null || isNull(value)) {
            if (required) {
                missing(key);
            }
            return Optional.empty();
        }
        if (value instanceof ScalarNode scalar) {
            if (required && scalar.getValue().isBlank()) {
                error(value, field(key), ProblemCode.MISSING_FIELD, "is blank");
                return Optional.empty();
            }
            return Optional.of(scalar.getValue());
        }
        error(value, field(key), ProblemCode.WRONG_TYPE, "expected a single value, found " + describe(value));
        return Optional.empty();
    }

    private LocalDate parseDate(String key, String text) {
        if (!DATE_SHAPE.matcher(text).matches()) {
            error(valueNode(key), field(key), ProblemCode.INVALID_DATE,
                    "'" + text + "' is not a date; write YYYY-MM-DD");
            return null;
        }
        try {
            return LocalDate.parse(text, ISO_DATE);
        } catch (DateTimeParseException e) {
            error(valueNode(key), field(key), ProblemCode.INVALID_DATE, "'" + text + "' is not a real calendar date");
            return null;
        }
    }

    private Node valueNode(String key) {
        asked.add(key);
        NodeTuple tuple = entries.get(key);
        return tuple == null ? null : tuple.getValueNode();
    }

    private void missing(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            problems.error(file, line(), field(key), ProblemCode.MISSING_FIELD, "is required but missing");
        } else {
            error(tuple.getValueNode(), field(key), ProblemCode.MISSING_FIELD, "is required but empty");
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static int line(Node node) {
        return YamlFileReader.lineOf(node.getStartMark());
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return node instanceof ScalarNode s ? "'" + s.getValue() + "'" : "something else";
    }
}
