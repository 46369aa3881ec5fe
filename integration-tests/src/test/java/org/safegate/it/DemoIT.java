package org.safegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The first command of the README, run as a user would: it must tell the whole story and exit 0. */
class DemoIT {

    @Test
    void demoPlaysTheCaseAndExitsZero() {
        SafegateProcess.Result result = SafegateProcess.launcher("demo");

        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        assertThat(result.out())
                .containsPattern("1\\. IRS sends .*\\n\\s+-> DELIVERED to DOJ")
                .containsPattern("2\\. ICE sends .*\\n\\s+-> DELIVERED to IRS")
                .contains("arrived 50, passed 48, refused 2")
                .containsPattern("3\\. IRS answers .*\\n\\s+-> DENIED")
                .contains("CAP_ITEM_UNDATED")
                .containsPattern("4\\. ICE completes .*\\n.*\\n\\s+-> DELIVERED to ICE")
                .contains("released 48, withheld 2 (REQUEST_REFUSED=2)")
                .contains("REDISCLOSURE DOJ -> ICE under DOJ-ICE-2024")
                .contains("AGENCY_REVOKED")
                .contains("Accounting of disclosures")
                .contains("intact:")
                .contains("Demo complete: every step ended as expected.");
        java.util.regex.Matcher workspace = java.util.regex.Pattern.compile("Workspace: (\\S+)").matcher(result.out());
        assertThat(workspace.find()).isTrue();
        assertThat(java.nio.file.Path.of(workspace.group(1))).as("the demo's workspace, example keys included")
                .doesNotExist();
    }
}
