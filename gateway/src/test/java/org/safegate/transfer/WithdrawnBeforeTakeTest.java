package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.audit.AuditEventType;

/** A file its sender took back after the outbox was polled, before the gateway took it. */
class WithdrawnBeforeTakeTest extends TransferScenarioTest {

    @Test
    @DisplayName("The IRS removes a.csv after the poll found it, before the take. Result: nothing to do; it is not"
            + " held, not audited, and not reported as waiting.")
    void aFileGoneBeforeTheTakeIsNotHeld() throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        Files.delete(file);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.NONE);

        assertThat(gateway.processor().held().current()).isEmpty();
        assertThat(events(AuditEventType.TRANSFER_HELD)).isEmpty();
        assertThat(listAll(inbox("DOJ"))).isEmpty();
    }
}
