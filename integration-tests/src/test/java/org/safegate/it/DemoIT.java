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
                .containsPattern("1\\. IRS sends .*\\n\\s+-> DELIVERED")
                .containsPattern("2\\. IRS sends .*\\n\\s+-> DENIED")
                .contains("CAP_ITEM_UNDATED")
                .containsPattern("3\\. ICE completes .*\\n.*\\n\\s+-> DELIVERED")
                .contains("REDISCLOSURE DOJ -> ICE under DOJ-ICE-2024")
                .contains("AGENCY_REVOKED")
                .contains("Accounting of disclosures")
                .contains("intact:")
                .contains("Demo complete: every step ended as expected.");
    }
}
