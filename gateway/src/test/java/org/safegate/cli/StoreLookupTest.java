package org.safegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.config.Settings;

/** Each way the store's place can be decided, as the message explains it. */
class StoreLookupTest {
    private static final Path WORKING_DIR = Path.of("/srv/reports");

    @TempDir
    Path dir;

    @Test
    void aFileWithoutTheDataKeyMeansTheDefaultInTheCurrentFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("application.properties"), "safegate.api.port=0\n");

        assertThat(StoreLookup.explain(Settings.load(Optional.of(file), Map.of()), WORKING_DIR))
                .contains("safegate.data is not set in " + file + ", so the default ./data applies, in the current"
                        + " folder /srv/reports");
    }

    @Test
    void theEnvironmentVariableIsNamedWhenItSetsTheDataFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("application.properties"), "safegate.data=/var/ignored\n");

        assertThat(StoreLookup.explain(Settings.load(Optional.of(file), Map.of("SAFEGATE_DATA", "data")), WORKING_DIR))
                .contains("safegate.data is data in the environment variable SAFEGATE_DATA, and a relative path"
                        + " resolves against the current folder /srv/reports");
    }

    @Test
    void aRelativeDataFolderInTheFileIsExplainedAsTheFilesFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("application.properties"), "safegate.data=data\n");

        assertThat(StoreLookup.explain(Settings.load(Optional.of(file), Map.of()), WORKING_DIR))
                .contains("safegate.data is data in " + file + ", and a relative path there resolves against the"
                        + " file's folder " + dir.toAbsolutePath().normalize());
    }

    @Test
    void aDatabaseUrlNamesItsSetting() throws Exception {
        Path file = Files.writeString(dir.resolve("application.properties"), "safegate.db.url=jdbc:postgresql://db/s\n");

        assertThat(StoreLookup.explain(Settings.load(Optional.of(file), Map.of()), WORKING_DIR))
                .contains("because of safegate.db.url in " + file).doesNotContain("./data");
    }
}
