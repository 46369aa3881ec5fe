package org.safegate.policy.load;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one policy file into a YAML node tree, refusing anything that could hurt the reader:
 * files over the size limit, text that is not UTF-8, symlinks that lead out of the policy folder,
 * and YAML aliases (which policy files never need and which alias bombs are made of).
 */
final class YamlFileReader {
    private final Path root;
    private final long maxFileBytes;
    private final Problems problems;

    YamlFileReader(Path root, long maxFileBytes, Problems problems) {
        this.root = root;
        this.maxFileBytes = maxFileBytes;
        this.problems = problems;
    }

    /** The document's root node, or empty when the file has a problem (already recorded). */
    Optional<Node> read(Path file, Path shown) {
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(root.toRealPath())) {
                problems.error(shown, 0, "", ProblemCode.SYMLINK_ESCAPES,
                        "is a link to " + real + ", outside the policy folder " + root);
                return Optional.empty();
            }
            long size = Files.size(real);
            if (size > maxFileBytes) {
                problems.error(shown, 0, "", ProblemCode.FILE_TOO_LARGE,
                        "is " + size + " bytes; policy files may be at most " + maxFileBytes + " bytes");
                return Optional.empty();
            }
            Optional<String> text = decodeUtf8(shown, Files.readAllBytes(real));
            return text.flatMap(t -> parse(shown, t));
        } catch (IOException e) {
            problems.error(shown, 0, "", ProblemCode.FILE_UNREADABLE, "cannot be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<String> decodeUtf8(Path shown, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return Optional.of(decoder.decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            int offset = firstInvalidUtf8Offset(bytes);
            problems.error(shown, lineAt(bytes, offset), "", ProblemCode.NOT_UTF8,
                    "is not valid UTF-8 text (byte offset " + offset + ")");
            return Optional.empty();
        }
    }

    private Optional<Node> parse(Path shown, String text) {
        Yaml yaml = new Yaml(loaderOptions());
        try {
            int documents = 0;
            for (Event event : yaml.parse(new StringReader(text))) {
                if (event instanceof AliasEvent) {
                    problems.error(shown, lineOf(event.getStartMark()), "", ProblemCode.YAML_ALIAS_LIMIT,
                            "uses a YAML alias (*" + ((AliasEvent) event).getAnchor()
                                    + "); aliases are not allowed in policy files");
                    return Optional.empty();
                }
                if (event.is(Event.ID.DocumentStart)) {
                    documents++;
                }
            }
            if (documents > 1) {
                problems.error(shown, 0, "", ProblemCode.YAML_MALFORMED,
                        "holds " + documents + " YAML documents; a policy file holds exactly one object");
                return Optional.empty();
            }
            Node node = yaml.compose(new StringReader(text));
            if (node == null) {
                problems.error(shown, 1, "", ProblemCode.MISSING_FIELD, "is empty");
                return Optional.empty();
            }
            return Optional.of(node);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.error(shown, lineOf(mark), "", ProblemCode.YAML_MALFORMED,
                    "is not valid YAML: " + firstLine(e.getProblem()));
            return Optional.empty();
        } catch (YAMLException e) {
            problems.error(shown, 0, "", ProblemCode.YAML_MALFORMED, "is not valid YAML: " + firstLine(e.getMessage()));
            return Optional.empty();
        }
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(20);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    static int lineOf(Mark mark) {
        return mark == null ? 0 : mark.getLine() + 1;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static int firstInvalidUtf8Offset(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
