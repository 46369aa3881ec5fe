package org.safegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.keys.vault.VaultSettings;

/** A configuration file is read strictly: unknown keys are refused, relative paths are the file's. */
class StrictSettingsTest {
    @TempDir
    Path dir;

    @Test
    void aMisspeltKeyIsRefusedNamingTheKeyTheFileAndTheNearestKnownKey() throws Exception {
        Path file = fixture("typo.properties", dir);

        assertThatThrownBy(() -> Settings.load(Optional.of(file), Map.of()))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("unknown setting safegate.polices in " + file)
                .hasMessageContaining("did you mean safegate.policies?");
    }

    @Test
    void keysOutsideSafegateAndRetiredKeysAreAccepted() throws Exception {
        Path file = Files.writeString(dir.resolve("application.properties"),
                "camel.main.name=gateway\nsafegate.audit.checkpoint-events=100\nsafegate.api.port=0\n");

        assertThat(Settings.load(Optional.of(file), Map.of()).get("camel.main.name")).contains("gateway");
    }

    @Test
    void theNearestKeyIsTheOneFewestEditsAway() {
        assertThat(SettingKeys.nearest("safegate.api.tls.crt")).isEqualTo("safegate.api.tls.cert");
        assertThat(SettingKeys.nearest("safegate.outbox.lane")).isEqualTo("safegate.outbox.lanes");
        assertThat(SettingKeys.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void relativePathsInTheFileResolveAgainstItsFolderNotTheWorkingFolder() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc/safegate"));
        Path file = fixture("relative.properties", etc);
        Settings settings = Settings.load(Optional.of(file), Map.of("VAULT_TOKEN", "t"));

        GatewayConfig config = GatewayConfig.from(settings);
        ApiSettings api = ApiSettings.from(settings, Path.of("/somewhere/else"));

        assertThat(config.policies()).isEqualTo(etc.resolve("policies"));
        assertThat(config.keys()).contains("file:" + etc.resolve("keys"));
        assertThat(config.data()).isEqualTo(dir.resolve("etc/data"));
        assertThat(api.certificate()).contains(etc.resolve("tls/api.crt"));
        assertThat(api.key()).contains(etc.resolve("tls/api.key"));
        assertThat(VaultSettings.from(settings, Map.of("VAULT_ADDR", "https://vault.example:8200")).caPem())
                .contains(etc.resolve("tls/vault-ca.pem"));
    }

    @Test
    void valuesFromTheEnvironmentAndTheDefaultsStayRelativeToTheWorkingFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("application.properties"), "safegate.api.port=0\n");

        GatewayConfig config = GatewayConfig.from(Settings.load(Optional.of(file),
                Map.of("SAFEGATE_DATA", "here/data", "SAFEGATE_KEYS", "file:keys")));

        assertThat(config.data()).isEqualTo(Path.of("here/data"));
        assertThat(config.keys()).contains("file:keys");
        assertThat(config.policies()).isEqualTo(Path.of("policies"));
    }

    @Test
    void everyKeyMayComeFromTheEnvironmentEvenWhenTheFileDoesNotSetIt() {
        Settings settings = Settings.load(Optional.empty(), Map.of("SAFEGATE_OUTBOX_LANES", "3"));

        assertThat(settings.get("safegate.outbox.lanes")).contains("3");
    }

    /**
     * Every {@code "safegate.x"} literal in the main sources that reads a setting is in the
     * registry: a key added without its line there would be refused in every configuration file.
     */
    @Test
    void everyKeyTheSourcesReadIsInTheRegistry() throws IOException {
        Pattern literal = Pattern.compile("\"(safegate\\.[a-z][a-z0-9.-]*[a-z0-9])\"");
        // names that are not settings: a metric, the embedded store's file name, the default audit origin
        var notSettings = java.util.Set.of("safegate.transfer.duration", "safegate.db", "safegate.local");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher keys = literal.matcher(Files.readString(source));
                while (keys.find()) {
                    if (!notSettings.contains(keys.group(1))) {
                        assertThat(SettingKeys.ALL).as("%s in %s", keys.group(1), source).contains(keys.group(1));
                    }
                }
            }
        }
    }

    static Path fixture(String name, Path folder) throws IOException {
        try (InputStream in = StrictSettingsTest.class.getResourceAsStream("/config/" + name)) {
            Path file = folder.resolve("application.properties");
            Files.copy(in, file);
            return file;
        }
    }
}
