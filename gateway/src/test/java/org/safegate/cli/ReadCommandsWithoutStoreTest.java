package org.safegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.safegate.audit.TestAuditKeys;
import org.safegate.store.DatabaseSettings;
import org.safegate.store.EmbeddedPostgresServer;
import org.safegate.testing.TestClocks;
import picocli.CommandLine;

/**
 * The auditor points a command that only reads at a place where there is no store (a wrong
 * {@code --config}, a relative path read from another folder). Result: exit 2 naming the place,
 * and nothing is created there.
 */
class ReadCommandsWithoutStoreTest {
    private static final TestAuditKeys KEYS = TestAuditKeys.rsa();

    @TempDir
    Path dir;
    private Path config;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void keysAndFolders() throws IOException {
        KEYS.writeTo(dir.resolve("keys"));
        Files.createDirectories(dir.resolve("other"));
    }

    static Stream<List<String>> readCommands() {
        return Stream.of(List.of("audit", "list"), List.of("audit", "show", "t-1"), List.of("audit", "verify"),
                List.of("audit", "export", "--format", "csv", "--out", "export.csv"), List.of("audit", "report"));
    }

    @ParameterizedTest
    @MethodSource("readCommands")
    void aReadCommandWithoutAStoreExitsTwoNamingWhereItLookedAndCreatesNothing(List<String> command)
            throws IOException {
        Path data = dir.resolve("elsewhere/data");
        writeConfig("safegate.data=" + data);
        List<Path> before = tree();

        assertThat(run(command)).isEqualTo(ExitCodes.INVALID_INPUT);

        assertThat(err.toString()).contains("no Safegate store at " + data.resolve("store/safegate.db"))
                .contains("safegate.data").contains(config.toString());
        assertThat(tree()).isEqualTo(before);
    }

    @Test
    void aRelativeDataFolderIsResolvedAgainstTheConfigurationFilesFolderAndTheMessageSaysSo() throws IOException {
        // the file is in other/; its data=../elsewhere/data is dir/elsewhere/data wherever the command runs
        writeConfig("safegate.data=../elsewhere/data");
        List<Path> before = tree();

        assertThat(run(List.of("audit", "list"))).isEqualTo(ExitCodes.INVALID_INPUT);

        Path lookedAt = dir.resolve("elsewhere/data/store/safegate.db").toAbsolutePath().normalize();
        assertThat(err.toString()).contains("no Safegate store at " + lookedAt)
                .contains("a relative path there resolves against the file's folder "
                        + dir.resolve("other").toAbsolutePath().normalize());
        assertThat(tree()).isEqualTo(before);
    }

    @Test
    void anEmptyStoreFileIsNoStoreAndStaysEmpty() throws IOException {
        writeConfig("safegate.data=" + dir.resolve("data"));
        Path file = Files.createFile(Files.createDirectories(dir.resolve("data/store")).resolve("safegate.db"));
        List<Path> before = tree();

        assertThat(run(List.of("audit", "list"))).isEqualTo(ExitCodes.INVALID_INPUT);

        assertThat(err.toString()).contains("no Safegate store at " + file);
        assertThat(tree()).isEqualTo(before);
        assertThat(Files.size(file)).isZero();
    }

    @Test
    void aStoreOfAnEarlierSchemaIsNotMigratedByAReadCommand() throws Exception {
        writeConfig("safegate.data=" + dir.resolve("data"));
        DatabaseSettings settings = DatabaseSettings.embedded(dir.resolve("data"));
        Files.createDirectories(dir.resolve("data/store"));
        Flyway.configure().dataSource(settings.jdbcUrl(), null, null).locations("classpath:db/migration").target("5")
                .load().migrate();

        assertThat(run(List.of("audit", "list"))).isEqualTo(ExitCodes.INVALID_INPUT);

        assertThat(err.toString()).contains(settings.embeddedFile().orElseThrow().toString())
                .contains("schema version 5");
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl());
             ResultSet r = c.createStatement().executeQuery("SELECT MAX(installed_rank) FROM flyway_schema_history")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(5);
        }
    }

    @Test
    void aPostgresqlDatabaseWithoutTheSchemaIsNoStoreAndGetsNone() throws Exception {
        DatabaseSettings empty = EmbeddedPostgresServer.newDatabase();
        writeConfig("safegate.db.url=" + empty.jdbcUrl() + "\nsafegate.db.user=postgres");

        assertThat(run(List.of("audit", "list"))).isEqualTo(ExitCodes.INVALID_INPUT);

        String withoutParameters = empty.jdbcUrl().split("\\?")[0];
        assertThat(err.toString()).contains("no Safegate store at " + withoutParameters).contains("safegate.db.url")
                .doesNotContain("user=postgres");
        try (Connection c = DriverManager.getConnection(empty.jdbcUrl());
             ResultSet tables = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            assertThat(tables.next()).as("a table was created").isFalse();
        }
    }

    private void writeConfig(String properties) throws IOException {
        config = Files.writeString(dir.resolve("other/application.properties"),
                properties + "\nsafegate.keys=file:" + dir.resolve("keys") + "\n");
    }

    private int run(List<String> command) {
        CommandLine cli = SafegateCommand.newCommandLine(TestClocks.runningFromCaseDay());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        Stream<String> args = command.stream().map(a -> a.equals("export.csv") ? dir.resolve(a).toString() : a);
        return cli.execute(Stream.concat(args, Stream.of("--config", config.toString())).toArray(String[]::new));
    }

    private List<Path> tree() throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.sorted().toList();
        }
    }
}
