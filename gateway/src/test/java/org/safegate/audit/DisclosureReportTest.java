package org.safegate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The accounting counts disclosures and forwarded requests apart. */
class DisclosureReportTest {

    @Test
    void requestFilesAreCountedApartFromDisclosures() {
        DisclosureReport report = reportOf(
                delivered("IRS-ICE-2025", DisclosureReport.REQUEST_CATEGORY, 50),
                delivered("IRS-ICE-2025", "last-known-address", 48),
                denied("IRS-ICE-2025", "CAP_ITEM_UNDATED", "CAP_STALE"));

        DisclosureReport.Account account = report.accounts().get("IRS-ICE-2025");
        assertThat(account.delivered()).isEqualTo(1);
        assertThat(account.recordsDelivered()).isEqualTo(48);
        assertThat(account.requests()).isEqualTo(1);
        assertThat(account.requestRecords()).isEqualTo(50);
        assertThat(account.denied()).isEqualTo(1);
        assertThat(account.deniedByReason()).containsEntry("CAP_ITEM_UNDATED", 1L).containsEntry("CAP_STALE", 1L);
    }

    @Test
    void aFileTheRecipientSentUnderTheAgreementIsNotCountedAsTheProvidersDenial() {
        DisclosureReport report = reportOf(
                denied("IRS-DOJ-2024", "CAP_STALE"),
                deniedFrom("DOJ", "IRS-DOJ-2024", "SENDER_NOT_PROVIDER"));

        DisclosureReport.Account account = report.accounts().get("IRS-DOJ-2024");
        assertThat(account.provider()).isEqualTo("IRS");
        assertThat(account.denied()).isEqualTo(1);
        assertThat(account.deniedByReason()).containsOnlyKeys("CAP_STALE");
        assertThat(account.fromOtherSenders()).isEqualTo(1);
    }

    @Test
    void recalledDeliveriesAreCountedByHowTheyStandAndOnlyAmongTheDisclosures() {
        Map<String, RecallMarks.Mark> marks = Map.of("t-disposed", RecallMarks.Mark.DISPOSED,
                "t-closed", RecallMarks.Mark.CLOSED, "t-open", RecallMarks.Mark.OPEN, "t-onward", RecallMarks.Mark.OPEN,
                "t-request", RecallMarks.Mark.OPEN, "t-denied", RecallMarks.Mark.OPEN);
        DisclosureReport report = reportOf(t -> Optional.ofNullable(marks.get(t)),
                delivered("IRS-DOJ-2024", "address", 5).toBuilder().transferId("t-disposed").build(),
                delivered("IRS-DOJ-2024", "address", 5).toBuilder().transferId("t-closed").build(),
                delivered("IRS-DOJ-2024", "address", 5).toBuilder().transferId("t-open").build(),
                delivered("IRS-DOJ-2024", "address", 5).toBuilder().transferId("t-kept").build(),
                delivered("IRS-DOJ-2024", DisclosureReport.REQUEST_CATEGORY, 5).toBuilder().transferId("t-request")
                        .build(),
                denied("IRS-DOJ-2024", "CAP_STALE").toBuilder().transferId("t-denied").build(),
                AuditEntry.builder(AuditEventType.REDISCLOSURE, "DOJ").agreement("DOJ-ICE-2024").provider("DOJ")
                        .transferId("t-onward").parentTransfer("t-open").recordCount(5L).decision("permit").build());

        DisclosureReport.Account doj = report.accounts().get("IRS-DOJ-2024");
        assertThat(doj.delivered()).isEqualTo(4);
        assertThat(doj.recalled()).as("requests and denials are no disclosures").isEqualTo(3);
        assertThat(doj.disposed()).isEqualTo(1);
        assertThat(doj.closed()).isEqualTo(1);
        assertThat(doj.open()).isEqualTo(1);
        DisclosureReport.Account ice = report.accounts().get("DOJ-ICE-2024");
        assertThat(ice.recalled()).as("a redisclosure is a delivery too").isEqualTo(1);
        assertThat(ice.open()).isEqualTo(1);
        assertThat(reportOf(delivered("IRS-DOJ-2024", "address", 1).toBuilder().transferId("t-open").build())
                .accounts().get("IRS-DOJ-2024").recalled()).as("no marks given").isZero();
    }

    private static DisclosureReport reportOf(AuditEntry... entries) {
        return reportOf(RecallMarks.NONE, entries);
    }

    private static DisclosureReport reportOf(RecallMarks marks, AuditEntry... entries) {
        DisclosureReport report = new DisclosureReport(marks);
        long sequence = 1;
        for (AuditEntry entry : entries) {
            report.add(new AuditEvent(sequence++, Instant.EPOCH, entry, "0".repeat(64), "1".repeat(64)));
        }
        return report;
    }

    private static AuditEntry delivered(String agreement, String category, long records) {
        return AuditEntry.builder(AuditEventType.TRANSFER_DELIVERED, "IRS").agreement(agreement).provider("IRS")
                .category(category)
                .recordCount(records).decision("permit").build();
    }

    private static AuditEntry denied(String agreement, String... codes) {
        return deniedFrom("IRS", agreement, codes);
    }

    /** A denial of a file {@code sender} sent under an agreement whose provider is the IRS. */
    private static AuditEntry deniedFrom(String sender, String agreement, String... codes) {
        return AuditEntry.builder(AuditEventType.TRANSFER_DENIED, sender).agreement(agreement).provider("IRS")
                .decision("deny")
                .reasonCodes(List.of(codes)).outcome(Outcome.FAILURE).build();
    }
}
