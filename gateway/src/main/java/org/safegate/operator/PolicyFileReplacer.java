package org.safegate.operator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.safegate.files.FileModes;
import org.safegate.policy.load.PolicyLoadResult;
import org.safegate.policy.load.PolicyLoader;
import org.safegate.transfer.DurableFiles;

/**
 * Changes one file of a policy folder safely: the whole set is first loaded with the new content
 * in place, in a copy of the folder, so a change that would make the set invalid touches nothing;
 * every version is kept under {@code <data>/policy-history/<file>/<sha256>.yaml} (named by its
 * digest, never overwritten); the file itself is replaced atomically (temporary file, forced to
 * disk, renamed over the old one, folder synced).
 */
final class PolicyFileReplacer {
    private final PolicyLoader loader;
    private final Path policies;
    private final Path history;
    private final Path staging;

    PolicyFileReplacer(PolicyLoader loader, Path policies, Path dataDir) {
        this.loader = loader;
        this.policies = policies;
        this.history = dataDir.resolve("policy-history");
        this.staging = dataDir.resolve("policy-staging");
    }

    Path policies() {
        return policies;
    }

    /** Loads the current folder (what is on disk now). */
    PolicyLoadResult loadCurrent() {
        return loader.load(policies);
    }

    /** Loads the policy set as it would be with {@code relative} holding {@code content}; nothing real changes. */
    PolicyLoadResult loadWith(Path relative, String content) throws IOException {
        Path copy = staging.resolve(UUID.randomUUID().toString());
        try {
            copyTree(policies, copy);
            Path file = copy.resolve(relative);
            FileModes.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            FileModes.settle(file);
            return loader.load(copy);
        } finally {
            deleteTree(copy);
        }
    }

    /** Keeps this version of the file in the history; returns where (an existing copy is reused). */
    Path keep(Path relative, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Path folder = history.resolve(relative.toString().replace('/', '_'));
        String digest = FileChange.sha256(content);
        Path kept = folder.resolve(digest + ".yaml");
        if (Files.exists(kept)) {
            return kept;
        }
        return DurableFiles.publish(folder, digest, ".yaml", "history-" + UUID.randomUUID(), out -> out.write(bytes));
    }

    /** Replaces the file's content atomically. */
    void replace(Path relative, String content) throws IOException {
        Path target = policies.resolve(relative);
        Path folder = Files.createDirectories(target.getParent());
        Path temp = DurableFiles.writeTemp(folder, "policy-" + UUID.randomUUID(),
                out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        DurableFiles.syncFolder(folder);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    FileModes.createDirectories(target);
                } else if (!source.getFileName().toString().startsWith(".safegate-")) {
                    Files.copy(source, target);
                    FileModes.settle(target);
                }
            }
        }
    }

    /** Removes the staging copy (our own scratch files, never the policy folder). */
    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Lists the errors of a load, one per line, for messages. */
    static String describe(List<?> errors) {
        return String.join("; ", errors.stream().map(Object::toString).toList());
    }
}
