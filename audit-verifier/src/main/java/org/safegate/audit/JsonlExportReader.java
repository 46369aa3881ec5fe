package org.safegate.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import org.safegate.tlog.CompactRange;
import org.safegate.tlog.Witness;

/** Reads a JSON Lines export back, for verification with no database. */
public final class JsonlExportReader {
    private final ObjectMapper json = new ObjectMapper();
    private final EventLineParser lineParser = new EventLineParser();

    /** Verifies the export: its chain from the header's anchor, its checkpoints and its closing seal. */
    public VerificationResult verify(Path file, ChainVerifier verifier) {
        return verify(file, verifier, List.of());
    }

    /**
     * As {@link #verify(Path, ChainVerifier)}, and checks the exported stretch against the witnesses
     * whose trees end inside it (a witness of a later tree says nothing about an older export).
     */
    public VerificationResult verify(Path file, ChainVerifier verifier, List<Witness> witnesses) {
        JsonNode header = header(file);
        int version = header.path("version").asInt();
        if (version == 1) {
            return verifyVersion1(file, header, verifier);
        }
        if (version != ExportFormat.VERSION) {
            throw invalid(file, 1, "export format version " + version + " is not one this verifier reads (1 or 2)");
        }
        return new SealedExport(this, file, header, verifier, witnesses).verify();
    }

    JsonNode header(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonNode header = parse(reader.readLine(), 1, file);
            if (header == null || !ExportFormat.NAME.equals(header.path("format").asText())) {
                throw invalid(file, 1, "not a Safegate audit export (no header line)");
            }
            if (header.path("filtered").asBoolean()) {
                throw invalid(file, 1, "a filtered export holds a selection of events, not the chain; "
                        + "export without --agency/--agreement/--outcome/--reason/--transfer to verify");
            }
            return header;
        } catch (IOException e) {
            throw new AuditFileException(AuditFileException.UNREADABLE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The export's events, read from the line after the header on. */
    Iterator<AuditEvent> events(BufferedReader reader, Path file) throws IOException {
        reader.readLine();
        return new EventLines(reader, file);
    }

    /** An export of the first format: chain-head checkpoints, no Merkle tree (archives made before it). */
    private VerificationResult verifyVersion1(Path file, JsonNode header, ChainVerifier verifier) {
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine();
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.startsWith("{\"kind\":\"checkpoint\"")) {
                    checkpoints.add(checkpoint(parse(line, number, file)));
                }
            }
        } catch (IOException e) {
            throw new AuditFileException(AuditFileException.UNREADABLE, "cannot read " + file + ": " + e.getMessage(), e);
        }
        checkpoints.sort(java.util.Comparator.comparingLong(Checkpoint::sequence));
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine();
            Iterator<AuditEvent> events = new EventLines(reader, file);
            return verifier.verify(new ChainInput(header.path("anchorSeq").asLong(), header.path("anchorHash").asText(),
                    new CompactRange(), events, checkpoints, ChainInput.none(), OptionalLong.empty(), List.of(), false));
        } catch (IOException e) {
            throw new AuditFileException(AuditFileException.UNREADABLE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Checkpoint checkpoint(JsonNode node) {
        return new Checkpoint(node.path("seq").asLong(), node.path("hash").asText(),
                Instant.parse(node.path("time").asText()), node.path("keyId").asText(),
                node.path("algorithm").asText(), Base64.getDecoder().decode(node.path("signature").asText()));
    }

    JsonNode parse(String line, int number, Path file) {
        if (line == null) {
            return null;
        }
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw invalid(file, number, "not JSON");
        }
    }

    static AuditFileException invalid(Path file, int line, String what) {
        return new AuditFileException(AuditFileException.INVALID, file + ":" + line + ": " + what);
    }

    /** The event lines of an export, parsed a batch at a time on every core. */
    private final class EventLines implements Iterator<AuditEvent> {
        private static final int BATCH = 4096;
        private final BufferedReader reader;
        private final Path file;
        private final List<String> lines = new ArrayList<>(BATCH);
        private final List<Integer> numbers = new ArrayList<>(BATCH);
        private AuditEvent[] parsed = new AuditEvent[0];
        private int index;
        private int number = 1;

        EventLines(BufferedReader reader, Path file) {
            this.reader = reader;
            this.file = file;
        }

        @Override
        public boolean hasNext() {
            if (index < parsed.length) {
                return true;
            }
            lines.clear();
            numbers.clear();
            try {
                String line;
                while (lines.size() < BATCH && (line = reader.readLine()) != null) {
                    number++;
                    if (line.startsWith("{\"kind\":\"event\"")) {
                        lines.add(line);
                        numbers.add(number);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            AuditEvent[] batch = new AuditEvent[lines.size()];
            java.util.stream.IntStream range = java.util.stream.IntStream.range(0, batch.length);
            (batch.length > 256 ? range.parallel() : range).forEach(i -> batch[i] = eventAt(lines.get(i), numbers.get(i)));
            parsed = batch;
            index = 0;
            return parsed.length > 0;
        }

        private AuditEvent eventAt(String line, int at) {
            try {
                return lineParser.parse(line);
            } catch (IOException | IllegalArgumentException | java.time.DateTimeException e) {
                throw invalid(file, at, "not an audit event: " + e.getMessage());
            }
        }

        @Override
        public AuditEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return parsed[index++];
        }
    }
}
