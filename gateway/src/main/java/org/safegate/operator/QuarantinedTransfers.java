package org.safegate.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditLog;
import org.safegate.audit.Outcome;
import org.safegate.transfer.Links;
import org.safegate.transfer.Quarantine;
import org.safegate.transfer.ReasonFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Denied and quarantined originals under {@code <data>/quarantine/<transfer-id>/}. Releasing one
 * puts the original back where its sender dropped it ({@code <outbox>/<agreement>/<name>}), so
 * the pipeline decides it afresh under a new transfer id; the folder keeps its {@code reason.json}
 * and gains a {@code released.json} (who, when, where to). Nothing is deleted: the original is
 * moved (linked into the outbox, then unlinked here), never overwriting a file in the outbox.
 */
final class QuarantinedTransfers {
    private static final Logger LOG = LoggerFactory.getLogger(QuarantinedTransfers.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern TRANSFER_ID = Pattern.compile("[A-Za-z0-9-]{1,100}");

    private final Path root;
    private final Supplier<Map<String, Path>> outboxes;
    private final AuditLog audit;
    private final Clock clock;

    QuarantinedTransfers(Path quarantineRoot, Supplier<Map<String, Path>> outboxes, AuditLog audit, Clock clock) {
        this.root = quarantineRoot;
        this.outboxes = outboxes;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every quarantined transfer not yet released, oldest first. */
    List<TransferQueue.QueuedTransfer> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<TransferQueue.QueuedTransfer> queued = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.sorted().toList()) {
                if (Files.exists(folder.resolve(Quarantine.RELEASED_FILE))) {
                    continue;
                }
                read(folder).ifPresent(q -> queued.add(q.queued()));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + root, e);
        }
        queued.sort(java.util.Comparator.comparing(TransferQueue.QueuedTransfer::since));
        return queued;
    }

    /** Puts the original back in its sender's outbox; empty when no quarantined transfer has the id. */
    Optional<TransferQueue.QueuedTransfer> release(String id, String operator) throws IOException {
        if (!TRANSFER_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path folder = root.resolve(id);
        Optional<QuarantinedFile> found = read(folder);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        QuarantinedFile file = found.get();
        Path releasedFile = folder.resolve(Quarantine.RELEASED_FILE);
        if (Files.exists(releasedFile)) {
            JsonNode released = JSON.readTree(releasedFile.toFile());
            throw conflict("transfer " + id + " was already released by " + released.path("released-by").asText()
                    + " at " + released.path("time").asText());
        }
        Optional<String> inVain = ReleaseRefusals.why(file);
        if (inVain.isPresent()) {
            throw conflict(inVain.get());
        }
        Path outbox = outboxOf(file);
        Path target = placeInOutbox(file, outbox);
        Path original = folder.resolve(Quarantine.ORIGINAL);
        if (!Files.isRegularFile(original, LinkOption.NOFOLLOW_LINKS)) {
            throw conflict("the original of transfer " + id + " is not a regular file (a link or special "
                    + "file is kept for inspection, never put back)");
        }
        refuseLinks(outbox, target);
        boolean resumed = Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(target, original);
        if (Links.names(original) > (resumed ? 2 : 1)) {
            // its other name lies outside quarantine: putting it back (or copying it) would hand out that file
            throw conflict("the original of transfer " + id + " has another hard link (it shares its content"
                    + " with a file elsewhere); it is kept for inspection, never put back");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !resumed) {
            throw conflict(file.sender() + "'s outbox already has a file " + file.source()
                    + "; move it away first (nothing is overwritten)");
        }
        audit.append(entry(file, operator).change("quarantined original (" + file.outcome() + ": "
                + String.join(", ", file.codes()) + ") put back in " + file.sender() + "'s outbox as " + file.source()
                + " to be decided afresh").build());
        try {
            OutboxReturn.putBack(original, outbox, target);
        } catch (java.nio.file.FileAlreadyExistsException taken) {
            audit.append(entry(file, operator).outcome(Outcome.FAILURE)
                    .change("release failed: " + file.source() + " appeared in the outbox meanwhile").build());
            throw conflict(file.sender() + "'s outbox already has a file " + file.source());
        }
        writeReleased(folder, file, operator);
        Files.delete(original);
        org.safegate.transfer.DurableFiles.syncFolder(folder);
        return Optional.of(file.queued());
    }

    private Path outboxOf(QuarantinedFile file) {
        Path outbox = outboxes.get().get(file.sender());
        if (outbox == null) {
            throw conflict(file.sender() + " has no local outbox in the current policy set; "
                    + "the original cannot be put back");
        }
        return outbox;
    }

    /** The original goes nowhere a symbolic link in the outbox would send it. */
    private static void refuseLinks(Path outbox, Path target) throws IOException {
        Optional<Path> link = Links.firstSymbolicLink(outbox, target);
        if (link.isPresent()) {
            throw conflict(link.get() + " is a symbolic link; the original is not put back through it"
                    + " (replace it with a folder first)");
        }
    }

    private Path placeInOutbox(QuarantinedFile file, Path outbox) {
        Path relative = Path.of(file.source()).normalize();
        for (Path part : relative) {
            if (org.safegate.transfer.FileNames.problem(part.toString()).isPresent() || part.toString().startsWith(".")) {
                throw conflict("the original lay under a name the gateway refuses (" + file.path()
                        + "); it cannot be put back: the sender must send it again");
            }
        }
        Path target = outbox.resolve(relative).normalize();
        if (relative.isAbsolute() || !target.startsWith(outbox)) {
            throw conflict("the original's place " + file.path() + " is outside the outbox");
        }
        return target;
    }

    private void writeReleased(Path folder, QuarantinedFile file, String operator) throws IOException {
        ObjectNode released = JSON.createObjectNode();
        released.put("transfer", file.id());
        released.put("released-by", operator);
        released.put("time", clock.instant().toString());
        released.put("sender", file.sender());
        released.put("put-back-as", file.source());
        org.safegate.transfer.DurableFiles.publish(folder, "released", ".json", "released",
                out -> out.write(JSON.writeValueAsBytes(released)));
    }

    private static AuditEntry.Builder entry(QuarantinedFile file, String operator) {
        return AuditEntry.builder(AuditEventType.TRANSFER_RELEASED, operator).origin("transfer release")
                .transferId(file.id()).provider(file.sender()).agreement(file.agreement()).object(file.source());
    }

    private static Optional<QuarantinedFile> read(Path folder) {
        Path reason = folder.resolve(Quarantine.REASON_FILE);
        if (!Files.isRegularFile(reason)) {
            return Optional.empty();
        }
        try {
            return Optional.of(QuarantinedFile.from(folder.getFileName().toString(), ReasonFile.read(folder)));
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read {}: {}", reason, e.getMessage());
            return Optional.empty();
        }
    }

    private static SafegateException conflict(String message) {
        return new SafegateException(ErrorCode.CONFLICT, message);
    }
}
