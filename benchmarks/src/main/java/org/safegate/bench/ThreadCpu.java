package org.safegate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of a process's threads by kind (Linux {@code /proc}): the JIT compilers and the garbage
 * collector apart from the threads doing the work, so that a short run's compilation does not
 * hide what a transfer costs once the code is compiled. Empty where {@code /proc} is missing.
 */
record ThreadCpu(Map<String, Long> ticksByKind) {
    /** Linux's USER_HZ: /proc reports times in hundredths of a second. */
    private static final double MILLIS_PER_TICK = 10.0;

    static ThreadCpu of(long pid) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (String kind : new String[] {"work", "jit", "gc"}) {
            ticks.put(kind, 0L);
        }
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> all = Files.list(tasks)) {
            for (Path task : all.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // the name is in parentheses and may hold spaces: the fields follow the last ')'
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    ticks.merge(kind(name), used, Long::sum);
                } catch (IOException | RuntimeException threadEnded) {
                    // a thread that ended meanwhile: its time is lost to the split, not to the total
                }
            }
        } catch (IOException noProc) {
            return new ThreadCpu(Map.of());
        }
        return new ThreadCpu(ticks);
    }

    private static String kind(String threadName) {
        if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
            return "jit";
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.startsWith("VM Thread")) {
            return "gc";
        }
        return "work";
    }

    ThreadCpu minus(ThreadCpu before) {
        Map<String, Long> difference = new LinkedHashMap<>(ticksByKind);
        before.ticksByKind.forEach((kind, ticks) -> difference.merge(kind, -ticks, Long::sum));
        return new ThreadCpu(difference);
    }

    String perFile(int files) {
        if (ticksByKind.isEmpty()) {
            return "(no /proc: no split by thread)";
        }
        StringBuilder text = new StringBuilder();
        ticksByKind.forEach((kind, ticks) -> text.append(text.length() == 0 ? "" : ", ")
                .append(String.format("%s %.2f ms", kind, ticks * MILLIS_PER_TICK / files)));
        return text.toString();
    }
}
