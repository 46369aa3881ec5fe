package org.safegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safegate.audit.MutableClock;
import org.safegate.testing.TestClocks;
import picocli.CommandLine;

/**
 * {@code safegate demo} tells the same story on any day: its workspace is dated relative to the
 * demo's clock, and a step that turns out otherwise stops it, naming the step.
 */
class DemoCommandTest {
    private static final Pattern WORKSPACE = Pattern.compile("Workspace: (\\S+)");

    private final StringWriter err = new StringWriter();
    private Path kept;

    @AfterEach
    void removeKeptWorkspace() throws IOException {
        if (kept != null && Files.exists(kept)) {
            try (var all = Files.walk(kept)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void threeYearsAheadEveryStepEndsAsTheStorySaysAndTheWorkspaceIsRemoved() {
        StringWriter out = new StringWriter();
        int exit = demo(runningOn(Period.ofYears(3)), new PrintWriter(out));

        assertThat(exit).as(out + err.toString()).isZero();
        assertTheWholeStory(out.toString(), "2029-12-01");
        assertThat(workspace(out.toString())).as("the workspace, example keys included, is removed").doesNotExist();
    }

    @Test
    void oneYearBackEveryStepEndsAsTheStorySaysAndKeepLeavesTheWorkspace() {
        StringWriter out = new StringWriter();
        int exit = demo(runningOn(Period.ofYears(-1)), new PrintWriter(out), "--keep");

        assertThat(exit).as(out + err.toString()).isZero();
        assertTheWholeStory(out.toString(), "2025-12-01");
        kept = workspace(out.toString());
        assertThat(out.toString()).contains("Workspace kept: " + kept);
        assertThat(kept.resolve("keys-example/ca/ca.crt")).isRegularFile();
        assertThat(kept.resolve("policies/safeguards/ice.yaml")).content().contains("2025-12-01");
    }

    /**
     * The failure the demo had: policies written for one day, decided on another (here the clock
     * moves five years once the workspace is written). Step 1 is denied: the demo stops there,
     * names the step, what was expected and what happened, exits 1, and never reaches step 5.
     */
    @Test
    void aStepThatTurnsOutOtherwiseStopsTheDemoWithExitOne() {
        MutableClock clock = new MutableClock(TestClocks.CASE_DAY);
        StringWriter out = new StringWriter();
        PrintWriter moveTheClockAtStepOne = new PrintWriter(new Writer() {
            @Override
            public void write(char[] chars, int from, int length) {
                String text = new String(chars, from, length);
                if (text.startsWith("1. IRS sends")) {
                    clock.advance(java.time.Duration.ofDays(5 * 365));
                }
                out.write(text);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });

        int exit = demo(clock, moveTheClockAtStepOne);

        String text = out.toString();
        assertThat(exit).as(text + err).isEqualTo(1);
        assertThat(text).contains("Demo stopped: step 1 (IRS sends taxpayer addresses to DOJ under IRS-DOJ-2024.) "
                        + "did not turn out as expected.")
                .contains("   expected: delivered\n")
                .containsPattern("   happened: denied \\(.*AGREEMENT_NOT_IN_FORCE.*\\)")
                .doesNotContain("2. ICE sends").doesNotContain("5. DOJ opens").doesNotContain("null")
                .doesNotContain("Demo complete");
        assertThat(workspace(text)).doesNotExist();
    }

    private static void assertTheWholeStory(String text, String day) {
        assertThat(text).contains("Safegate demo, " + day + ".")
                .containsPattern("1\\. IRS sends .*\\n\\s+-> DELIVERED to DOJ as addresses-2025-06\\.csv\\.p7m\\n")
                .containsPattern("2\\. ICE sends .*\\n\\s+-> DELIVERED to IRS as batch-1\\.csv\\.p7m\\n")
                .contains("arrived 50, passed 48, refused 2 (ADDRESS_INCOMPLETE=2, STATE_INVALID=2)")
                .containsPattern("3\\. IRS answers .*\\n\\s+-> DENIED\\n\\s+REVIEW_STALE: .*\\n\\s+CAP_STALE: .*\\n"
                        + "\\s+CAP_ITEM_UNDATED: .*F-01.*\\n\\s+CAP_ITEM_UNDATED: .*F-02.*\\n\\n4\\.")
                .containsPattern("4\\. ICE completes .*\\n\\s+policy reloaded: true.*\\n\\s+-> DELIVERED to ICE as "
                        + "answers-1\\.csv\\.p7m\\n")
                .contains("released 48, withheld 2 (REQUEST_REFUSED=2)")
                .containsPattern("5\\. DOJ opens .*\\n\\s+-> DELIVERED to ICE as from-irs\\.csv\\.p7m\\n")
                .contains("REDISCLOSURE DOJ -> ICE under DOJ-ICE-2024")
                .containsPattern("6\\. The IRS recalls .*\\n\\s+recall [0-9a-f-]{36}: 2 items, due .*\\n"
                        + "\\s+DOJ opens recalls/.*\\.json\\.p7m: \"Destroy .*\" \\(1 item\\)\\n"
                        + "\\s+ICE opens recalls/.*\\.json\\.p7m: \"Destroy .*\" \\(1 item\\)\\n\\n7\\.")
                .containsPattern("7\\. DOJ destroys .*\\n\\s+-> CERTIFIED\\n\\n8\\.")
                .containsPattern("8\\. The due date passes .*\\n\\s+-> DENIED\\n\\s+RECALL_OVERDUE: ICE .*\\n\\n9\\.")
                .containsPattern("9\\. A security officer .*\\n\\s+-> DENIED\\n(\\s+(AGENCY_REVOKED|RECALL_OVERDUE): .*\\n){2}"
                        + "\\n10\\.")
                .containsPattern("IRS-ICE-2025 +IRS +1 +48 +3 ")
                .as("the recalled deliveries: DOJ's disposed of, ICE's still open")
                .containsPattern("IRS-DOJ-2024 .* 1 +1 +0 +0\\n")
                .containsPattern("DOJ-ICE-2024 .* 1 +0 +0 +1\\n")
                .containsPattern("intact: the audit store: \\d+ events")
                .contains("Demo complete: every step ended as expected.")
                .doesNotContain("Demo stopped");
    }

    private int demo(Clock clock, PrintWriter out, String... options) {
        CommandLine cli = SafegateCommand.newCommandLine(clock);
        cli.setOut(out);
        cli.setErr(new PrintWriter(err, true));
        String[] args = new String[options.length + 1];
        args[0] = "demo";
        System.arraycopy(options, 0, args, 1, options.length);
        int exit = cli.execute(args);
        out.flush();
        return exit;
    }

    private static Clock runningOn(Period shift) {
        return TestClocks.running(TestClocks.CASE_DATE.plus(shift).atTime(12, 0).toInstant(ZoneOffset.UTC));
    }

    private static Path workspace(String text) {
        Matcher m = WORKSPACE.matcher(text);
        assertThat(m.find()).as("the demo names its workspace: " + text).isTrue();
        return Path.of(m.group(1));
    }
}
