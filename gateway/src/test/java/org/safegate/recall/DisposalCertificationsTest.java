package org.safegate.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.AuditSettings;
import org.safegate.audit.AuditStore;
import org.safegate.audit.JdbcAuditLog;
import org.safegate.audit.TestAuditKeys;
import org.safegate.store.Database;
import org.safegate.store.TestStores;
import org.safegate.testing.TestClocks;

/** Certificates of disposal in the real store (SQLite and PostgreSQL), recorded with their events. */
class DisposalCertificationsTest {
    private static final Instant RECORDED = TestClocks.CASE_DAY.plus(Duration.ofDays(3));
    private static final LocalDate DAY = TestClocks.CASE_DATE.plusDays(2);

    @TempDir
    Path dir;

    private Database database;
    private JdbcAuditLog log;
    private DisposalCertifications certifications;
    private Recall recall;

    private void open(TestStores store) {
        database = store.open(dir);
        log = new JdbcAuditLog(database, TestAuditKeys.ec().treeSigner(), AuditSettings.DEFAULTS,
                TestClocks.running(TestClocks.CASE_DAY));
        certifications = new DisposalCertifications(database);
        // IRS -> DOJ twice, DOJ passes the first on to ICE; both IRS deliveries recalled
        log.append(delivery(AuditEventType.TRANSFER_DELIVERED, "t-doj", null, "IRS", "DOJ", "IRS-DOJ-2024"));
        log.append(delivery(AuditEventType.TRANSFER_DELIVERED, "t-doj2", null, "IRS", "DOJ", "IRS-DOJ-2024"));
        log.append(delivery(AuditEventType.REDISCLOSURE, "t-ice", "t-doj", "DOJ", "ICE", "DOJ-ICE-2024"));
        recall = new RecallIssuer(RecallResolution.over(database), log,
                TestClocks.running(TestClocks.CASE_DAY.plus(Duration.ofDays(1))), Period.ofDays(30))
                .issue(new RecallIssuer.Request(RecallScope.ofTransfers(List.of("t-doj", "t-doj2")), "reason",
                        "Destroy it", Optional.empty()), "olga", "test");
    }

    @AfterEach
    void close() {
        if (log != null) {
            log.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static AuditEntry delivery(AuditEventType type, String id, String parent, String from, String to,
                                       String agreement) {
        return AuditEntry.builder(type, from).origin("outbox:" + from).object(id + ".csv").transferId(id)
                .provider(from).recipient(to).agreement(agreement).payloadDigest("sha256:" + "ab".repeat(32))
                .decision("permit").parentTransfer(parent).change("delivered to " + to + " as " + id + ".csv.p7m")
                .build();
    }

    private DisposalCertification certification(String id, String holder, String sha256, String... transfers) {
        return new DisposalCertification(id, recall.id(), holder, "IRS", java.util.Arrays.stream(transfers)
                .map(t -> new DisposalCertification.Item(t, DisposalCertification.Disposition.DESTROYED,
                        "NIST SP 800-88 purge", DAY)).toList(),
                new DisposalCertification.Person("Dana Reyes", "Records Officer"), sha256, RECORDED);
    }

    private void record(DisposalCertification c) {
        log.appendAll(CertificationEvents.of(c, recall, "outbox:" + c.holder()), DisposalCertifications.recording(c));
    }

    private Map<String, RecallItem.State> states() {
        return new StoredRecalls(database).find(recall.id()).orElseThrow().items().stream()
                .collect(Collectors.toMap(RecallItem::transfer, RecallItem::state));
    }

    private List<AuditEvent> certified() {
        return new AuditStore(database).list(new AuditQuery(Optional.empty(), Optional.empty(),
                Set.of(AuditEventType.DISPOSAL_CERTIFIED), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aCertificationIsStoredWithItsItemsCertifiedAndOneEventPerItem(TestStores store) {
        open(store);
        DisposalCertification doj = certification("c-1", "DOJ", "aa".repeat(32), "t-doj", "t-doj2");

        record(doj);

        assertThat(certifications.ofRecall(recall.id())).containsExactly(doj);
        assertThat(certifications.bySha256("aa".repeat(32))).contains(doj);
        assertThat(certifications.bySha256("bb".repeat(32))).isEmpty();
        assertThat(states()).containsOnly(Map.entry("t-doj", RecallItem.State.CERTIFIED),
                Map.entry("t-doj2", RecallItem.State.CERTIFIED), Map.entry("t-ice", RecallItem.State.OPEN));
        assertThat(certified()).extracting(e -> e.entry().transferId()).containsExactly("t-doj", "t-doj2");
        AuditEntry first = certified().get(0).entry();
        assertThat(first.actor()).isEqualTo("DOJ");
        assertThat(first.provider()).isEqualTo("IRS");
        assertThat(first.recipient()).isEqualTo("DOJ");
        assertThat(first.change()).contains("recall " + recall.id(), "destroyed on " + DAY, "NIST SP 800-88 purge",
                "Dana Reyes, Records Officer", "certificate c-1");
        assertThat(new AuditStore(database).prove("t-doj2", AuditEventType.DISPOSAL_CERTIFIED).transfer())
                .isEqualTo("t-doj2");
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void anItemNoLongerOpenFailsTheWholeCertificationAndNothingOfItIsWritten(TestStores store) {
        open(store);
        record(certification("c-1", "DOJ", "aa".repeat(32), "t-doj"));

        assertThatThrownBy(() -> record(certification("c-2", "DOJ", "bb".repeat(32), "t-doj2", "t-doj")))
                .isInstanceOf(SafegateException.class)
                .satisfies(e -> assertThat(((SafegateException) e).code()).isEqualTo(ErrorCode.AUDIT_WRITE_FAILED));
        assertThatThrownBy(() -> record(certification("c-3", "DOJ", "cc".repeat(32), "t-ice")))
                .as("another holder's item").isInstanceOf(SafegateException.class);

        assertThat(states()).containsEntry("t-doj2", RecallItem.State.OPEN).containsEntry("t-ice", RecallItem.State.OPEN);
        assertThat(certifications.ofRecall(recall.id())).extracting(DisposalCertification::certificateId)
                .containsExactly("c-1");
        assertThat(certified()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void certificatesOfSeveralHoldersAreReadBackEachWithItsOwnItems(TestStores store) {
        open(store);
        DisposalCertification doj = certification("c-1", "DOJ", "aa".repeat(32), "t-doj");
        DisposalCertification ice = certification("c-2", "ICE", "bb".repeat(32), "t-ice");
        record(doj);
        record(ice);

        assertThat(certifications.ofRecall(recall.id())).containsExactlyInAnyOrder(doj, ice);
        assertThat(certifications.bySha256("bb".repeat(32))).contains(ice);
        assertThat(certified()).filteredOn(e -> e.entry().transferId().equals("t-ice")).singleElement()
                .satisfies(e -> assertThat(e.entry().agreement()).isEqualTo("DOJ-ICE-2024"));
    }
}
