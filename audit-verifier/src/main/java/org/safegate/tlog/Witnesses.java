package org.safegate.tlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads witnesses: checkpoint files ({@code *.checkpoint}, a signed note) and receipts
 * ({@code *.json} with an {@code audit.checkpoint} member), given one by one or found in folders,
 * recursively. Each must be signed by the audit key: a file that is not is reported, never
 * silently taken as evidence either way.
 */
public final class Witnesses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Witnesses() {
    }

    /** A witness file that cannot serve: unreadable, or not signed by the audit key. */
    public static final class BadWitness extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public BadWitness(String message) {
            super(message);
        }
    }

    /** Every witness in the paths; the first file that cannot serve is a {@link BadWitness}. */
    public static List<Witness> load(List<Path> paths, NoteKeys keys) {
        return collect(paths, keys, bad -> {
            throw bad;
        });
    }

    /**
     * Every witness in the paths that can serve; each file that cannot is handed to {@code skipped}
     * (for witnesses found rather than given, such as receipts of a key since replaced).
     */
    public static List<Witness> collect(List<Path> paths, NoteKeys keys, java.util.function.Consumer<BadWitness> skipped) {
        List<Witness> witnesses = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                skipped.accept(new BadWitness(path + ": no such file or folder"));
                continue;
            }
            try (Stream<Path> files = Files.isDirectory(path) ? Files.walk(path) : Stream.of(path)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = file.getFileName().toString();
                    try {
                        if (name.endsWith(".checkpoint")) {
                            witnesses.add(witness(file, read(file), keys));
                        } else if (name.endsWith(".json") && !Files.isDirectory(path) || isReceipt(file)) {
                            witnesses.add(witness(file, receiptCheckpoint(file), keys));
                        }
                    } catch (BadWitness bad) {
                        skipped.accept(bad);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return witnesses;
    }

    private static boolean isReceipt(Path file) {
        return file.getFileName().toString().endsWith(".json") && receiptOrNull(file) != null;
    }

    private static Witness witness(Path file, String note, NoteKeys keys) {
        CheckedNote checked = CheckedNote.of(note, keys);
        if (checked.head() == null) {
            throw new BadWitness(file + ": not a checkpoint: " + checked.problem());
        }
        if (!checked.isValid()) {
            throw new BadWitness(file + ": the checkpoint is not signed by the audit key ("
                    + (checked.check() == NoteKey.Check.OTHER_KEY ? "signed by a different key" : "bad signature") + ")");
        }
        return new Witness(checked.head(), file.toString());
    }

    private static String receiptCheckpoint(Path file) {
        JsonNode receipt = receiptOrNull(file);
        if (receipt == null) {
            throw new BadWitness(file + ": not a receipt with an audit checkpoint");
        }
        return receipt.path("audit").path("checkpoint").asText();
    }

    /** The receipt's JSON when it carries an audit checkpoint, else null (other JSON files in a folder are skipped). */
    private static JsonNode receiptOrNull(Path file) {
        try {
            JsonNode json = JSON.readTree(file.toFile());
            return json != null && json.path("audit").path("checkpoint").isTextual() ? json : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadWitness(file + ": cannot be read: " + e.getMessage());
        }
    }
}
