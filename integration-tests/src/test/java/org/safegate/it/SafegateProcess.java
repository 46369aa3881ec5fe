package org.safegate.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built gateway (or the launcher script) as a separate process, as a user would. */
final class SafegateProcess {
    static final Path ROOT = Path.of(System.getProperty("safegate.root", "..")).toAbsolutePath().normalize();
    static final Path JAR = Path.of(System.getProperty("safegate.jar", ROOT + "/gateway/target/safegate.jar"));

    record Result(int exit, String out, String err) {
    }

    private SafegateProcess() {
    }

    /** {@code java -jar safegate.jar ARGS} in the given working directory. */
    static Result jar(Path workingDir, String... args) {
        return jar(workingDir, Map.of(), args);
    }

    /** As {@link #jar(Path, String...)}, with these variables added to the environment (e.g. operator credentials). */
    static Result jar(Path workingDir, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return run(workingDir, command, environment);
    }

    /** The example security officer's login (policies/operators/officer.yaml; its INSECURE password is published). */
    static Map<String, String> officer() {
        return Map.of("SAFEGATE_API_USER", "officer", "SAFEGATE_API_PASSWORD", "officer-INSECURE-example");
    }

    /** {@code ./safegate ARGS} from the repository root, exactly as the README says. */
    static Result launcher(String... args) {
        List<String> command = new ArrayList<>(List.of("sh", ROOT.resolve("safegate").toString()));
        command.addAll(List.of(args));
        return run(ROOT, command);
    }

    static Result run(Path workingDir, List<String> command) {
        return run(workingDir, command, Map.of());
    }

    static Result run(Path workingDir, List<String> command, Map<String, String> environment) {
        try {
            Path out = Files.createTempFile("safegate-out", ".txt");
            Path err = Files.createTempFile("safegate-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
