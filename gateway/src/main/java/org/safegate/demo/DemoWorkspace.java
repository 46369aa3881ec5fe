package org.safegate.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A throw-away folder holding copies of the example policies and the INSECURE example keys
 * (packaged in the jar), an application.properties pointing at them, and the agencies' endpoints.
 */
final class DemoWorkspace {
    final Path root;

    private DemoWorkspace(Path root) {
        this.root = root;
    }

    static DemoWorkspace create() throws IOException {
        Path root = Files.createTempDirectory("safegate-demo-");
        copyResource("demo/policies", root.resolve("policies"));
        copyResource("demo/keys-example", root.resolve("keys-example"));
        Files.writeString(root.resolve("application.properties"), String.join("\n",
                "# the demo's gateway: example policies, INSECURE example keys, embedded store",
                "safegate.policies=" + root.resolve("policies"),
                "safegate.keys=file:" + root.resolve("keys-example"),
                "safegate.data=" + root.resolve("data"),
                "# ICE's requests cite the statute of the investigation as well as the MOU's authority",
                "safegate.requests.allowed-statutes=8 U.S.C. 1253(a)(1)", ""), StandardCharsets.UTF_8);
        return new DemoWorkspace(root);
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
        Files.setLastModifiedTime(hidden, FileTime.from(Instant.now().minusSeconds(5)));
        return Files.move(hidden, folder.resolve(name));
    }

    private static void copyResource(String name, Path target) throws IOException {
        URL url = DemoWorkspace.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IOException("the demo files (" + name + ") are not in this build");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    copyTree(jar.getPath(name), target);
                }
            } else {
                copyTree(Path.of(uri), target);
            }
        } catch (URISyntaxException e) {
            throw new IOException("cannot read the demo files", e);
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            files.forEach(file -> {
                Path copy = target.resolve(source.relativize(file).toString());
                try {
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
