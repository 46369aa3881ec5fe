package org.safegate.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import org.safegate.tlog.CheckedNote;
import org.safegate.tlog.CompactRange;
import org.safegate.tlog.NoteKey;
import org.safegate.tlog.TreeHashes;
import org.safegate.tlog.TreeHead;
import org.safegate.tlog.Witness;

/**
 * Verifies an export of the second format: the seal first (it must be the last line, signed by the
 * audit key, and sign the header's anchor and time), then the events against the header's anchor
 * and the checkpoints beside them, then that the seal signs exactly the tree of those events and
 * counts exactly those checkpoints.
 */
final class SealedExport {
    private final JsonlExportReader reader;
    private final Path file;
    private final JsonNode header;
    private final ChainVerifier verifier;
    private final List<Witness> witnesses;
    private final long anchor;
    private final String anchorHash;

    SealedExport(JsonlExportReader reader, Path file, JsonNode header, ChainVerifier verifier, List<Witness> witnesses) {
        this.reader = reader;
        this.file = file;
        this.header = header;
        this.verifier = verifier;
        this.witnesses = witnesses;
        this.anchor = header.path("anchorSeq").asLong();
        this.anchorHash = header.path("anchorHash").asText();
    }

    VerificationResult verify() {
        String sealLine = lastLine();
        if (sealLine == null || !sealLine.startsWith("{\"kind\":\"seal\"")) {
            return failed(TamperKind.TRUNCATED, anchor + 1, "the export ends without its seal: it was cut short");
        }
        CheckedNote seal = CheckedNote.of(reader.parse(sealLine, 0, file).path("note").asText(), verifier.treeKeys());
        if (seal.head() == null || seal.check() == NoteKey.Check.BAD_SIGNATURE) {
            return failed(TamperKind.CHECKPOINT_SIGNATURE_INVALID, anchor + 1, "the export's seal "
                    + (seal.head() == null ? "cannot be read: " + seal.problem() : "does not verify with the audit key"));
        }
        if (seal.check() == NoteKey.Check.OTHER_KEY) {
            return failed(TamperKind.SIGNED_BY_OTHER_KEY, anchor + 1, "the export is signed by a different key than"
                    + " the audit certificate's");
        }
        CompactRange anchorTree = anchorTree();
        TreeHead sealed = seal.head();
        String signedAnchor = anchor + " " + Base64.getEncoder().encodeToString(anchorTree.root());
        if (!sealed.extension("anchor").equals(Optional.of(signedAnchor))
                || !sealed.extension("time").equals(Optional.of(header.path("exportedAt").asText()))) {
            return failed(TamperKind.HEADER_ALTERED, anchor + 1, "the header's anchor or time is not what the seal"
                    + " signed: the header was edited");
        }
        VerificationResult result = walk(anchorTree, sealed.size());
        if (!result.isIntact()) {
            return result;
        }
        return sealProblem(sealed, result).map(problem -> new VerificationResult(result.events(),
                result.checkpoints(), result.lastSequence(), result.lastHash(), Optional.of(problem), result.tree(),
                result.witnessed())).orElse(result);
    }

    private VerificationResult walk(CompactRange anchorTree, long sealedSize) {
        List<Witness> inside = witnesses.stream().filter(w -> w.head().size() <= sealedSize).toList();
        try (BufferedReader events = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             BufferedReader checkpoints = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return verifier.verify(new ChainInput(anchor, anchorHash, anchorTree, reader.events(events, file),
                    List.of(), new NoteLines(checkpoints), OptionalLong.empty(), inside, false));
        } catch (IOException e) {
            throw new AuditFileException(AuditFileException.UNREADABLE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Tamper> sealProblem(TreeHead sealed, VerificationResult result) {
        long last = result.lastSequence();
        if (sealed.size() > last) {
            return Optional.of(new Tamper(TamperKind.TRUNCATED, last + 1, "the seal covers " + sealed.size()
                    + " events but the export ends at " + last));
        }
        if (sealed.size() < last) {
            return Optional.of(new Tamper(TamperKind.INSERTED, sealed.size() + 1, "the export goes on after the "
                    + sealed.size() + " events its seal covers"));
        }
        if (!java.security.MessageDigest.isEqual(sealed.root(), result.tree().root())) {
            return Optional.of(new Tamper(TamperKind.INCONSISTENT, last, "the events do not hash to the root the"
                    + " seal signed: they were rewritten after export"));
        }
        String counted = Long.toString(result.checkpoints());
        if (!sealed.extension("checkpoints").equals(Optional.of(counted))) {
            return Optional.of(new Tamper(TamperKind.CHECKPOINT_MISSING, last, "the seal counts "
                    + sealed.extension("checkpoints").orElse("?") + " checkpoints, the export has " + counted));
        }
        return Optional.empty();
    }

    private CompactRange anchorTree() {
        List<byte[]> roots = new ArrayList<>();
        try {
            for (JsonNode root : header.path("anchorTree")) {
                roots.add(TreeHashes.fromHex(root.asText()));
            }
            return new CompactRange(anchor, roots);
        } catch (IllegalArgumentException e) {
            throw JsonlExportReader.invalid(file, 1, "anchorTree: " + e.getMessage());
        }
    }

    private VerificationResult failed(TamperKind kind, long sequence, String detail) {
        return new VerificationResult(0, 0, anchor, anchorHash, Optional.of(new Tamper(kind, sequence, detail)),
                new CompactRange(), 0);
    }

    /** The file's last non-empty line, read from its end. */
    private String lastLine() {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long end = in.length();
            while (end > 0) {
                in.seek(end - 1);
                if (in.read() != '\n') {
                    break;
                }
                end--;
            }
            long start = end;
            while (start > 0) {
                in.seek(start - 1);
                if (in.read() == '\n') {
                    break;
                }
                start--;
            }
            byte[] line = new byte[(int) (end - start)];
            in.seek(start);
            in.readFully(line);
            return line.length == 0 ? null : new String(line, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AuditFileException(AuditFileException.UNREADABLE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The notes of the checkpoint lines, in file order, read beside the events. */
    private final class NoteLines implements Iterator<String> {
        private final BufferedReader lines;
        private String next;

        NoteLines(BufferedReader lines) {
            this.lines = lines;
        }

        @Override
        public boolean hasNext() {
            try {
                String line;
                while (next == null && (line = lines.readLine()) != null) {
                    if (line.startsWith("{\"kind\":\"checkpoint\"")) {
                        next = reader.parse(line, 0, file).path("note").asText();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return next != null;
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String note = next;
            next = null;
            return note;
        }
    }
}
