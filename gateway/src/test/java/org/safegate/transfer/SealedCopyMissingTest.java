package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.store.TransferJournal;
import org.safegate.transfer.TransferOutcome;

/** A delivery audited by a stopped run whose sealed copy is gone from the recipient's inbox before it was published. */
class SealedCopyMissingTest extends TransferScenarioTest {

    @Test
    @DisplayName("A run stopped after auditing the delivery; the sealed copy is gone from DOJ's inbox, unpublished. Result:"
            + " held with the reason; no receipt says it was delivered, and the taken file stays.")
    void anAuditedSealedCopyThatIsGone_resultHeldAndNotReceipted() throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = journalEntry(file, "a.csv");
        Path temp = sealedNotAudited(file, entry);
        audited(entry);
        Files.delete(temp);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.HELD);

        assertThat(gateway.processor().held().current().values()).singleElement().asString()
                .contains(entry.transferId());
        assertThat(listAll(inbox("DOJ"))).isEmpty();
        assertThat(inbox("IRS").resolve("receipts")).doesNotExist();
        assertThat(taken("IRS", file)).exists();
    }
}
