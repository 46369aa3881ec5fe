package org.safegate.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who holds a data folder's {@code run.lock}: the process id, host, start time and command line,
 * written into the lock file by its holder so that a refused start can name the process to stop.
 * The command line is what {@code ps} shows of the process, which never carries a secret.
 *
 * @param pid     the holder's process id
 * @param host    the host it runs on (a data folder on shared storage may be held from elsewhere)
 * @param started when the process started (ISO-8601)
 * @param command its command line, as far as the system tells
 */
public record LockHolder(String pid, String host, String started, String command) {
    private static final int MAX_COMMAND = 400;

    /** This process. */
    static LockHolder current() {
        ProcessHandle self = ProcessHandle.current();
        ProcessHandle.Info info = self.info();
        return new LockHolder(Long.toString(self.pid()), hostName(),
                info.startInstant().orElseGet(Instant::now).toString(), commandOf(info));
    }

    /** The program's name and its arguments, a class path shortened: enough to tell which run it is. */
    private static String commandOf(ProcessHandle.Info info) {
        List<String> words = ownCommandLine().orElseGet(() -> {
            List<String> fromInfo = new ArrayList<>(List.of(info.command().orElse("unknown")));
            fromInfo.addAll(List.of(info.arguments().orElse(new String[0])));
            return fromInfo;
        });
        StringBuilder command = new StringBuilder(Path.of(words.get(0)).getFileName().toString());
        boolean classPath = false;
        for (String argument : words.subList(1, words.size())) {
            command.append(' ').append(classPath ? "..." : argument);
            classPath = argument.equals("-cp") || argument.equals("-classpath") || argument.equals("--class-path");
        }
        return command.length() <= MAX_COMMAND ? command.toString() : command.substring(0, MAX_COMMAND) + "...";
    }

    /** Linux's whole command line: the JDK gives none when it is long (a test's class path). */
    private static Optional<List<String>> ownCommandLine() {
        try {
            String text = new String(Files.readAllBytes(Path.of("/proc/self/cmdline")), StandardCharsets.UTF_8);
            List<String> words = List.of(text.split("\u0000"));
            return words.isEmpty() || words.get(0).isEmpty() ? Optional.empty() : Optional.of(words);
        } catch (IOException | RuntimeException notLinux) {
            return Optional.empty();
        }
    }

    /** The lock file's content: one {@code name=value} per line. */
    String text() {
        return "pid=" + pid + "\nhost=" + host + "\nstarted=" + started + "\ncommand=" + oneLine(command) + "\n";
    }

    /** Reads what {@link #text()} wrote; empty for an empty or foreign file (a lock taken by an earlier version). */
    static Optional<LockHolder> parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                fields.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        if (!fields.containsKey("pid")) {
            return Optional.empty();
        }
        return Optional.of(new LockHolder(fields.get("pid"), fields.getOrDefault("host", "unknown"),
                fields.getOrDefault("started", "unknown"), fields.getOrDefault("command", "unknown")));
    }

    /** "gateway process 1234 on host x, started ... (java -jar ...), holds FILE". */
    String describe(Path file) {
        return "gateway process " + pid + " on host " + host + ", started " + started + " (" + command + "), holds "
                + file;
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown");
        }
    }
}
