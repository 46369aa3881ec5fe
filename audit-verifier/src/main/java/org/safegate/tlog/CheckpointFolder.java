package org.safegate.tlog;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An agency's {@code checkpoints} folder, checked on its own: every checkpoint signed by the audit
 * key, and each proven by its {@code <size>.consistency.json} to extend the one before it. What an
 * agency can run without the gateway's log.
 */
public final class CheckpointFolder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointFolder() {
    }

    /** The outcome: how many checkpoints and proofs were checked, or the first problem. */
    public record Result(int checkpoints, int proofs, Optional<String> problem) {
    }

    public static Result check(Path folder, NoteKeys keys) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.list(folder)) {
            files = all.filter(p -> p.getFileName().toString().matches("[0-9]+\\.checkpoint"))
                    .sorted(Comparator.comparingLong(CheckpointFolder::size)).toList();
        }
        List<TreeHead> heads = new ArrayList<>();
        int proofs = 0;
        for (Path file : files) {
            CheckedNote note = CheckedNote.of(Files.readString(file, StandardCharsets.UTF_8), keys);
            if (note.head() == null || !note.isValid()) {
                return new Result(heads.size(), proofs, Optional.of(file + ": " + (note.head() == null ? note.problem()
                        : "not signed by the audit key")));
            }
            Path proofFile = file.resolveSibling(size(file) + ".consistency.json");
            if (!heads.isEmpty() && Files.exists(proofFile)) {
                ConsistencyProof proof = JSON.readValue(proofFile.toFile(), ConsistencyProof.class);
                TreeHead earlier = heads.stream().filter(h -> h.size() == proof.from()).findFirst().orElse(null);
                if (earlier == null) {
                    return new Result(heads.size(), proofs, Optional.of(proofFile + ": the checkpoint of "
                            + proof.from() + " events it starts from is not in the folder"));
                }
                Optional<String> problem = proof.problem(earlier, note.head());
                if (problem.isPresent()) {
                    return new Result(heads.size(), proofs, Optional.of(proofFile + ": " + problem.get()));
                }
                proofs++;
            }
            heads.add(note.head());
        }
        return new Result(heads.size(), proofs, Optional.empty());
    }

    private static long size(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.indexOf('.')));
    }
}
