package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;

/** What a transfer's audit event says of it: its parties, its sender, its record count and its category. */
class TransferEventFactsTest extends TransferScenarioTest {
    static final byte[] TWO_ADDRESSES = ("tin,name,address\n123456789,Jane Roe,1 Main St\n"
            + "987654321,John Doe,\"2 Main St\nApt 3\"\n\n").getBytes(StandardCharsets.UTF_8);
    static final byte[] THREE_JSON_LINES = "{\"tin\":\"1\"}\n\n{\"tin\":\"2\"}\r\n{\"tin\":\"3\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    @DisplayName("DOJ drops a file under IRS-DOJ-2024, whose provider is the IRS. Result: provider IRS, recipient DOJ, sender (actor) DOJ.")
    void dojDropsAFileUnderTheIrsAgreement_resultTheEventNamesTheAgreementsPartiesAndDojAsSender() throws Exception {
        start();

        assertThat(process("DOJ", drop("DOJ", "IRS-DOJ-2024", "back.csv", ADDRESSES))).isEqualTo(TransferOutcome.DENIED);

        AuditEntry denied = single(AuditEventType.TRANSFER_DENIED).entry();
        assertThat(denied.provider()).isEqualTo("IRS");
        assertThat(denied.recipient()).isEqualTo("DOJ");
        assertThat(denied.actor()).isEqualTo("DOJ");
        assertThat(denied.origin()).isEqualTo("outbox:DOJ");
    }

    @Test
    @DisplayName("The IRS sends a CSV file of two records (one with a line break in a quoted field). Result: records 2.")
    void theIrsSendsACsvFile_resultItsRecordsAreCountedWithoutTheHeader() throws Exception {
        start();

        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv", TWO_ADDRESSES)))
                .isEqualTo(TransferOutcome.DELIVERED);

        assertThat(single(AuditEventType.TRANSFER_DELIVERED).entry().recordCount()).isEqualTo(2L);
    }

    @Test
    @DisplayName("The IRS sends a JSON Lines file of three records and a blank line. Result: records 3.")
    void theIrsSendsAJsonLinesFile_resultItsNonBlankLinesAreCounted() throws Exception {
        start();

        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "a.ndjson", THREE_JSON_LINES)))
                .isEqualTo(TransferOutcome.DELIVERED);

        assertThat(single(AuditEventType.TRANSFER_DELIVERED).entry().recordCount()).isEqualTo(3L);
    }

    @Test
    @DisplayName("The IRS sends a file of no known format. Result: records absent, not 0.")
    void theIrsSendsAFileOfNoKnownFormat_resultNoRecordCount() throws Exception {
        start();

        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "a.pdf", ADDRESSES))).isEqualTo(TransferOutcome.DELIVERED);

        assertThat(single(AuditEventType.TRANSFER_DELIVERED).entry().recordCount()).isNull();
    }

    @Test
    @DisplayName("The IRS sends addresses without stating a category under an agreement of two. Result: both categories.")
    void theIrsStatesNoCategoryUnderAnAgreementOfTwo_resultTheEventListsBoth() throws Exception {
        start();

        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES))).isEqualTo(TransferOutcome.DELIVERED);

        assertThat(single(AuditEventType.TRANSFER_DELIVERED).entry().category())
                .isEqualTo("return-information,last-known-address");
    }

    @Test
    @DisplayName("The IRS states the category last-known-address in the file name. Result: that category is recorded.")
    void theIrsStatesTheAddressCategory_resultThatCategoryIsRecorded() throws Exception {
        start();
        String name = "a.category=last-known-address.csv";

        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", name, ADDRESSES))).isEqualTo(TransferOutcome.DELIVERED);

        AuditEntry delivered = single(AuditEventType.TRANSFER_DELIVERED).entry();
        assertThat(delivered.category()).isEqualTo("last-known-address");
        assertThat(delivered.recordCount()).isEqualTo(1L);
        assertThat(inbox("DOJ").resolve("IRS-DOJ-2024").resolve(name + ".p7m")).isNotEmptyFile();
    }

    @Test
    @DisplayName("DOJ sends under DOJ-ICE-2024, which covers one category, stating none. Result: that category is recorded.")
    void dojStatesNoCategoryUnderAnAgreementOfOne_resultItsOnlyCategoryIsRecorded() throws Exception {
        start();

        process("DOJ", drop("DOJ", "DOJ-ICE-2024", "onward.csv", ADDRESSES));

        assertThat(single(AuditEventType.TRANSFER_DENIED).entry().category()).isEqualTo("last-known-address");
    }

    @Test
    @DisplayName("The IRS states a category the agreement does not cover. Result: denied CATEGORY_NOT_COVERED, not sent.")
    void theIrsStatesACategoryTheAgreementDoesNotCover_resultDeniedCategoryNotCovered() throws Exception {
        start();
        String name = "a.category=wage-data.csv";

        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", name, ADDRESSES))).isEqualTo(TransferOutcome.DENIED);

        AuditEntry denied = single(AuditEventType.TRANSFER_DENIED).entry();
        assertThat(denied.reasonCodes()).containsExactly("CATEGORY_NOT_COVERED");
        assertThat(denied.category()).isEqualTo("wage-data");
        assertThat(codes(receipt("IRS", "IRS-DOJ-2024", name + ".denied.json").get("reasons")))
                .containsExactly("CATEGORY_NOT_COVERED");
        assertThat(inbox("DOJ").resolve("IRS-DOJ-2024")).doesNotExist();
    }

    @Test
    @DisplayName("The IRS states two categories in one name. Result: quarantined NAME_UNSAFE, not sent.")
    void theIrsStatesTwoCategories_resultQuarantined() throws Exception {
        start();
        String name = "a.category=last-known-address.category=return-information.csv";

        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", name, ADDRESSES))).isEqualTo(TransferOutcome.QUARANTINED);

        assertQuarantinedReceipt("IRS", "IRS-DOJ-2024", name, "NAME_UNSAFE");
    }
}
