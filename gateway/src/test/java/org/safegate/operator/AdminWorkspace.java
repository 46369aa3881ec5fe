package org.safegate.operator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.safegate.app.Gateway;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.AuditStore;
import org.safegate.config.Settings;
import org.safegate.testing.TestFiles;
import org.safegate.transfer.TransferOutcome;

/**
 * A workspace with copies of the real policies and example keys and a gateway wired as in
 * production (the embedded SQLite store under {@code data/}), for the operator services' tests.
 */
final class AdminWorkspace implements AutoCloseable {
    static final byte[] ADDRESSES = "tin,name,address\n123456789,Jane Roe,1 Main St\n"
            .getBytes(StandardCharsets.UTF_8);

    final Path root;
    final Gateway gateway;

    private AdminWorkspace(Path root, Gateway gateway) {
        this.root = root;
        this.gateway = gateway;
    }

    /** Copies policies/ and keys-example/ into {@code root} and opens a gateway there. */
    static AdminWorkspace open(Path root, Clock clock) throws IOException {
        copyPolicies(root);
        TestFiles.copyTree(TestFiles.repositoryRoot().resolve("keys-example"), root.resolve("keys-example"));
        return new AdminWorkspace(root, Gateway.open(Settings.of(Map.of("safegate.keys", "file:keys-example")),
                Map.of(), root, clock));
    }

    static void copyPolicies(Path root) throws IOException {
        TestFiles.copyTree(TestFiles.repositoryRoot().resolve("policies"), root.resolve("policies"));
    }

    Path policies() {
        return root.resolve("policies");
    }

    Path data() {
        return root.resolve("data");
    }

    Path outbox(String agency) {
        return root.resolve("work").resolve(agency).resolve("outbox");
    }

    Path inbox(String agency) {
        return root.resolve("work").resolve(agency).resolve("inbox");
    }

    /** Drops a finished file (written a while ago) into the agency's outbox under the agreement. */
    Path drop(String agency, String agreement, String name, byte[] content) throws IOException {
        Path file = outbox(agency).resolve(agreement).resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        TestFiles.backdate(file, Duration.ofSeconds(5));
        return file;
    }

    TransferOutcome process(String agency, Path file) {
        return gateway.processor().process(agency, outbox(agency), file);
    }

    List<AuditEvent> events(AuditEventType type) {
        return new AuditStore(gateway.database()).list(new AuditQuery(Optional.empty(), Optional.empty(), Set.of(type),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    /** Every file (not folder) below the folder, hidden ones included. */
    static List<Path> listAll(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            // the audit checkpoints the gateway hands every inbox are not deliveries
            return all.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().endsWith(".checkpoint")).sorted().toList();
        }
    }

    @Override
    public void close() {
        gateway.close();
    }
}
