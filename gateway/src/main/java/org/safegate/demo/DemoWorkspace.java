package org.safegate.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.LocalDate;

/**
 * A throw-away folder holding the case's policies dated relative to the demo's day, a freshly
 * generated INSECURE example PKI valid on that day, an application.properties pointing at them,
 * and the agencies' endpoints.
 */
final class DemoWorkspace {
    final Path root;
    final LocalDate today;

    private DemoWorkspace(Path root, LocalDate today) {
        this.root = root;
        this.today = today;
    }

    static DemoWorkspace create(Clock clock) throws IOException {
        Path root = Files.createTempDirectory("safegate-demo-");
        LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        CasePolicies.write(root.resolve("policies"), today);
        new org.safegate.keys.InsecureExamplePki(clock).generate(root.resolve("keys-example"));
        Files.writeString(root.resolve("application.properties"), String.join("\n",
                "# the demo's gateway: the case's policies dated relative to " + today
                        + ", INSECURE example keys, embedded store",
                "safegate.policies=" + root.resolve("policies"),
                "safegate.keys=file:" + root.resolve("keys-example"),
                "safegate.data=" + root.resolve("data"),
                "# ICE's requests cite the statute of the investigation as well as the MOU's authority",
                "safegate.requests.allowed-statutes=8 U.S.C. 1253(a)(1)", ""), StandardCharsets.UTF_8);
        return new DemoWorkspace(root, today);
    }

    Path config() {
        return root.resolve("application.properties");
    }

    Path outbox(String agency, String agreement) {
        return root.resolve("work").resolve(agency).resolve("outbox").resolve(agreement);
    }

    Path inbox(String agency) {
        return root.resolve("work").resolve(agency).resolve("inbox");
    }

    /** Drops a file the way an agency should: complete, then visible (the gateway waits for quiet files). */
    Path drop(String agency, String agreement, String name, byte[] content) throws IOException {
        Path folder = Files.createDirectories(outbox(agency, agreement));
        Path hidden = Files.write(folder.resolve("." + name + ".part"), content);
        // the file system's own time, not the demo's clock: the gateway compares it with the file system's
        FileTime written = Files.getLastModifiedTime(hidden);
        Files.setLastModifiedTime(hidden, FileTime.from(written.toInstant().minusSeconds(5)));
        return Files.move(hidden, folder.resolve(name));
    }

    /** Removes the whole workspace, the example keys included. */
    void delete() throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
