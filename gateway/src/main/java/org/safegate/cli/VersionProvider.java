package org.safegate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code --version}: the project's version, from the jar's manifest (Implementation-Version), else
 * from the version file the build fills in (when run from classes, as the tests do).
 */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"safegate " + version().orElse("development build")};
    }

    static Optional<String> version() {
        String manifest = SafegateCommand.class.getPackage().getImplementationVersion();
        if (manifest != null) {
            return Optional.of(manifest);
        }
        try (InputStream in = SafegateCommand.class.getResourceAsStream("/org/safegate/version.properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties file = new Properties();
            file.load(in);
            // an unfiltered file (an IDE's build) still holds the placeholder
            return Optional.ofNullable(file.getProperty("version")).filter(v -> !v.isBlank() && !v.startsWith("${"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
