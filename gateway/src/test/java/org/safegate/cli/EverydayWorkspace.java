package org.safegate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.safegate.admin.ApiGateway;
import org.safegate.app.Gateway;
import org.safegate.config.Settings;
import org.safegate.testing.TestClocks;
import picocli.CommandLine;

/**
 * A gateway's folder for the everyday commands: the example policies and keys, a configuration,
 * a token file for each operator, and the commands run in-process on the case day. The agencies'
 * paths are made absolute so that a command run from the build's folder finds the same
 * certificates and endpoints a gateway running in the workspace does.
 */
final class EverydayWorkspace {
    final Path dir;
    final Path config;

    record Result(int exit, String out, String err) {
    }

    EverydayWorkspace(Path dir) throws IOException {
        this.dir = dir;
        ApiGateway.copyExamples(dir);
        try (Stream<Path> agencies = Files.list(dir.resolve("policies/agencies"))) {
            for (Path file : agencies.toList()) {
                Files.writeString(file, Files.readString(file).replace(": keys-example/", ": " + dir + "/keys-example/")
                        .replace("path: work/", "path: " + dir + "/work/"));
            }
        }
        config = Files.writeString(dir.resolve("application.properties"), "safegate.data=" + dir.resolve("data")
                + "\nsafegate.policies=" + dir.resolve("policies")
                + "\nsafegate.keys=file:" + dir.resolve("keys-example") + "\n");
        for (String operator : List.of("admin", "officer", "auditor")) {
            OperatorTokenFiles.issue(dir.resolve("policies"), operator, dir.resolve(operator + ".token"));
        }
    }

    /** The gateway of this workspace, opened as {@code run} would (not running). */
    Gateway openGateway() {
        return Gateway.open(Settings.of(Map.of("safegate.data", dir.resolve("data").toString(), "safegate.policies",
                dir.resolve("policies").toString(), "safegate.keys", "file:" + dir.resolve("keys-example"))), Map.of(),
                dir, TestClocks.runningFromCaseDay());
    }

    /** A command on the store of this workspace, as {@code operator}. */
    Result direct(String operator, String... args) {
        return direct(TestClocks.runningFromCaseDay(), operator, args);
    }

    /** As {@link #direct(String, String...)}, on another clock (a later day). */
    Result direct(Clock clock, String operator, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--token-file", dir.resolve(operator + ".token").toString()));
        return run(clock, all);
    }

    /** A command through the admin API of {@code api}, as {@code operator}. */
    Result remote(ApiGateway api, String operator, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server", "https://localhost:" + api.port, "--ca",
                dir.resolve("keys-example/ca/ca.crt").toString(), "--token-file",
                dir.resolve(operator + ".token").toString()));
        return run(all);
    }

    Result run(List<String> args) {
        return run(TestClocks.runningFromCaseDay(), args);
    }

    Result run(Clock clock, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SafegateCommand.newCommandLine(clock);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }
}
