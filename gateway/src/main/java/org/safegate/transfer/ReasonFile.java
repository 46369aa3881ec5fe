package org.safegate.transfer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.safegate.files.JsonDocuments;

/**
 * What a quarantine folder's {@code reason.json} says: which transfer, what became of it, who sent
 * what from where, when, and why it was not sent. This record is the file's one definition: the
 * gateway writes it when it refuses a file, and the operators' tools read it back through it.
 *
 * @param path   the file's place in the sender's outbox in printable form (control characters escaped)
 * @param source exactly that place, so a release can put the original back there
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReasonFile(String transfer, String outcome, String sender, String path, String source,
                         String agreement, String time, List<Quarantine.Reason> reasons) {
    public static final String NAME = "reason.json";

    /** The reason file of a refusal; the agreement is the first folder of the place in the outbox. */
    public static ReasonFile of(String transferId, String outcome, String sender, String originalPath,
                                List<Quarantine.Reason> reasons, Instant at) {
        Path relative = Path.of(originalPath);
        String agreement = relative.getNameCount() >= 2 ? relative.getName(0).toString() : null;
        return new ReasonFile(transferId, outcome, sender, FileNames.printable(originalPath), originalPath, agreement,
                at.toString(), List.copyOf(reasons));
    }

    /** Writes it into the folder durably, under a temporary name first (see {@link DurableFiles#publish}). */
    void write(Path folder) throws IOException {
        DurableFiles.publish(folder, NAME, "", transfer + "-reason",
                out -> out.write(JsonDocuments.MAPPER.writeValueAsBytes(this)));
    }

    /**
     * Reads a quarantine folder's reason file. Files written before {@code source} and
     * {@code agreement} were recorded get {@code path} and its first folder in their place.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static ReasonFile read(Path folder) throws IOException {
        Path file = folder.resolve(NAME);
        ReasonFile read;
        try {
            read = JsonDocuments.MAPPER.readValue(file.toFile(), ReasonFile.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + " is not a reason file: " + e.getOriginalMessage(), e);
        }
        for (String[] field : new String[][] {{"sender", read.sender()}, {"outcome", read.outcome()},
                {"path", read.path()}, {"time", read.time()}}) {
            if (field[1] == null) {
                throw new IllegalArgumentException(file + " has no " + field[0]);
            }
        }
        try {
            Instant.parse(read.time());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + ": time '" + read.time() + "' is not an ISO-8601 instant", e);
        }
        String source = read.source() != null ? read.source() : read.path();
        Path relative = Path.of(source);
        String agreement = read.agreement() != null ? read.agreement()
                : relative.getNameCount() >= 2 ? relative.getName(0).toString() : "";
        return new ReasonFile(read.transfer(), read.outcome(), read.sender(), read.path(), source, agreement,
                read.time(), read.reasons() == null ? List.of() : read.reasons());
    }

    public Instant at() {
        return Instant.parse(time);
    }
}
