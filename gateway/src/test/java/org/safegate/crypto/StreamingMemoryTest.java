package org.safegate.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Memory does not grow with the file size: a child JVM with a 64 MiB heap seals and opens a 1 GiB
 * payload, generated on the fly and piped from sealing into opening, never stored, and the
 * SHA-256 of what came out equals that of what went in.
 */
class StreamingMemoryTest {
    private static final long ONE_GIB = 1L << 30;

    @Test
    void oneGibThroughA64MibHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", classpath,
                StreamingCheck.class.getName(), Long.toString(ONE_GIB)))
                .redirectErrorStream(true)
                .directory(new File(System.getProperty("user.dir")))
                .start();
        boolean finished = child.waitFor(240, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly();
        }
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println("streaming check: " + output.strip());

        assertThat(finished).as("child finished in time").isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).startsWith("OK size=" + ONE_GIB);
        var heap = Pattern.compile("maxHeapMB=(\\d+)").matcher(output);
        assertThat(heap.find()).isTrue();
        assertThat(Integer.parseInt(heap.group(1))).isLessThanOrEqualTo(64);
    }
}
