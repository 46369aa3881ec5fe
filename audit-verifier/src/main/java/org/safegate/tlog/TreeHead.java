package org.safegate.tlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The text of a C2SP tlog-checkpoint: origin, tree size, base64 root hash, then extension lines.
 * Safegate's extension lines are {@code key value} pairs ({@code time}, {@code previous}, and on an
 * export's seal {@code anchor} and {@code checkpoints}); tools that do not know them read the
 * first three lines and ignore the rest, as the format says they must.
 *
 * @param origin     the log's identity, also the signing key's name
 * @param size       the number of leaves
 * @param root       the RFC 9162 root hash of those leaves
 * @param extensions the extension lines, in order, without their newlines
 */
public record TreeHead(String origin, long size, byte[] root, List<String> extensions) {

    public TreeHead {
        if (origin == null || origin.isEmpty() || origin.chars().anyMatch(c -> c <= ' ' || c == '+')) {
            throw new IllegalArgumentException("a log origin is non-empty, without spaces or '+': '" + origin + "'");
        }
        if (size < 0 || root == null || root.length != 32) {
            throw new IllegalArgumentException("a tree head needs a size of 0 or more and a 32-byte root");
        }
        root = root.clone();
        extensions = List.copyOf(extensions);
        for (String line : extensions) {
            if (line.isEmpty() || line.chars().anyMatch(c -> c < ' ')) {
                throw new IllegalArgumentException("an extension line is non-empty text on one line: '" + line + "'");
            }
        }
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    /** The value of the extension line {@code key value}, when there is one. */
    public Optional<String> extension(String key) {
        String prefix = key + " ";
        return extensions.stream().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                .findFirst();
    }

    public TreeHead with(String key, String value) {
        List<String> lines = new ArrayList<>(extensions);
        lines.add(key + " " + value);
        return new TreeHead(origin, size, root, lines);
    }

    /** The note text the signature covers, ending in a newline. */
    public String text() {
        StringBuilder out = new StringBuilder(origin).append('\n').append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(root)).append('\n');
        extensions.forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    /** Reads a note text; a malformed one is an {@link IllegalArgumentException} saying which line. */
    public static TreeHead parse(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint text ends with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new IllegalArgumentException("a checkpoint has at least three lines: origin, tree size, root hash");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
            if (size < 0 || !Long.toString(size).equals(lines[1])) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line 2 of a checkpoint is the tree size in decimal, not '" + lines[1] + "'");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line 3 of a checkpoint is the base64 root hash, not '" + lines[2] + "'");
        }
        return new TreeHead(lines[0], size, root, Arrays.asList(lines).subList(3, lines.length));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TreeHead head && head.text().equals(text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return "tree head " + origin + " size " + size + " root " + TreeHashes.hex(root);
    }
}
