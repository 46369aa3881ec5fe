package org.safegate.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another JVM that holds a data folder's run lock as a gateway would, until the test closes it:
 * started from the test's class path, it prints "locked" once it holds the lock and lets go when
 * its standard input ends.
 */
public final class RunLockProcess implements AutoCloseable {
    private final Process process;

    private RunLockProcess(Process process) {
        this.process = process;
    }

    /** Starts the process and returns once it holds the lock. */
    public static RunLockProcess hold(Path data) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), RunLockProcess.class.getName(),
                data.toString()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine(); // blocks until the child holds the lock (or ends)
        if (!"locked".equals(line)) {
            process.destroyForcibly();
            throw new IOException("the locking process did not take the lock: " + line);
        }
        return new RunLockProcess(process);
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public static void main(String[] args) throws IOException {
        try (RunLock lock = RunLock.acquire(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the test closes our input
            }
        }
    }
}
