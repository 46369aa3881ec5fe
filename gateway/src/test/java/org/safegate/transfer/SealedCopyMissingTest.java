package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.audit.AuditEventType;
import org.safegate.store.TransferJournal;
import org.safegate.transfer.TransferProcessor.Outcome;

/** A sealed copy that was never audited and is gone from the recipient's inbox is never logged as delivered. */
class SealedCopyMissingTest extends TransferScenarioTest {

    @Test
    @DisplayName("A copy sealed by an earlier version (journaled sealed, never audited) is gone from DOJ's inbox. Result:"
            + " held with the reason; no event, no receipt says it was delivered.")
    void anUnauditedSealedCopyThatIsGone_resultHeldAndNotLoggedAsDelivered() throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = journalEntry(file, "a.csv");
        Path temp = pieces().seal(file, inbox("DOJ").resolve("IRS-DOJ-2024"), dojCertificate(), entry);
        new TransferJournal(gateway.database(), clock).reserve(entry.transferId(), "a.csv.p7m");
        Files.delete(temp);

        assertThat(process("IRS", file)).isEqualTo(Outcome.HELD);

        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).isEmpty();
        assertThat(gateway.processor().held().current().values()).singleElement().asString()
                .contains("the sealed copy of transfer " + entry.transferId()).contains("nothing says it was published");
        assertThat(inbox("IRS").resolve("receipts")).doesNotExist();
        assertThat(taken("IRS", file)).exists();
    }
}
