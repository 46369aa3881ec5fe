package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.audit.AuditStore;
import org.safegate.audit.ChainVerifier;
import org.safegate.audit.TamperKind;
import org.safegate.audit.VerificationResult;
import org.safegate.tlog.CheckpointFolder;
import org.safegate.tlog.ConsistencyProof;
import org.safegate.tlog.InclusionProof;
import org.safegate.tlog.NoteKeys;
import org.safegate.tlog.Witness;
import org.safegate.tlog.Witnesses;

/**
 * The agencies are the audit log's witnesses: each receipt proves its transfer's event is in a
 * signed tree, and each inbox gets the latest checkpoint at most hourly. A log rolled back to an
 * older state after that is caught by any of them.
 */
class AuditWitnessTest extends TransferScenarioTest {

    private NoteKeys auditKey() {
        return new NoteKeys(keys.auditSigning().certificate().getPublicKey());
    }

    private List<Path> checkpointFiles(String agency) throws Exception {
        Path folder = inbox(agency).resolve("checkpoints");
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    @Test
    @DisplayName("IRS delivers a.csv to DOJ. Result: the receipt carries a proof that checks against a checkpoint"
            + " signed by the audit key, and every agency's inbox gets that checkpoint once")
    void aReceiptProvesItsEventAndEveryInboxGetsTheCheckpoint() throws Exception {
        start();
        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES))).isEqualTo(TransferOutcome.DELIVERED);

        JsonNode receipt = receipt("IRS", "IRS-DOJ-2024", "a.csv.delivered.json");
        InclusionProof proof = JSON.treeToValue(receipt.path("audit"), InclusionProof.class);
        assertThat(proof.transfer()).isEqualTo(receipt.path("transfer").asText());
        assertThat(proof.problem(auditKey())).isEmpty();

        gateway.dropCheckpoints();
        long size = new AuditStore(gateway.database()).latestCheckpoint().orElseThrow().size();
        for (String agency : List.of("IRS", "DOJ", "ICE")) {
            assertThat(checkpointFiles(agency)).extracting(p -> p.getFileName().toString())
                    .containsExactly(size + ".checkpoint");
        }

        process("IRS", drop("IRS", "IRS-DOJ-2024", "b.csv", ADDRESSES));
        gateway.dropCheckpoints();
        assertThat(checkpointFiles("DOJ")).as("not again within the hour").hasSize(1);
        clock.advance(Duration.ofMinutes(61));
        gateway.dropCheckpoints();
        long grown = new AuditStore(gateway.database()).latestCheckpoint().orElseThrow().size();
        assertThat(checkpointFiles("DOJ")).as("an hour later, the grown log's, proven to extend the first")
                .extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder(grown + ".checkpoint", grown + ".consistency.json", size + ".checkpoint");
        CheckpointFolder.Result checked = CheckpointFolder.check(inbox("DOJ").resolve("checkpoints"), auditKey());
        assertThat(checked.problem()).isEmpty();
        assertThat(checked.proofs()).isEqualTo(1);

        Path consistency = inbox("DOJ").resolve("checkpoints").resolve(grown + ".consistency.json");
        ConsistencyProof genuine = JSON.readValue(consistency.toFile(), ConsistencyProof.class);
        List<String> other = new java.util.ArrayList<>(genuine.proof());
        other.set(0, "00".repeat(32));
        JSON.writeValue(consistency.toFile(), new ConsistencyProof(genuine.from(), genuine.to(), other));
        assertThat(CheckpointFolder.check(inbox("DOJ").resolve("checkpoints"), auditKey()).problem()).get()
                .asString().contains("does not extend the tree of " + size);
    }

    @Test
    @DisplayName("After two deliveries, the store is cut back to before the second (events, checkpoints and head)."
            + " Result: verify alone says intact; with DOJ's inbox or IRS's receipts as witnesses it says ROLLED BACK")
    void aRollbackIsCaughtByTheAgenciesCheckpointsAndReceipts() throws Exception {
        start();
        process("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES));
        long before = new AuditStore(gateway.database()).latestCheckpoint().orElseThrow().size();
        process("IRS", drop("IRS", "IRS-DOJ-2024", "b.csv", ADDRESSES));
        gateway.dropCheckpoints();

        try (Connection connection = gateway.database().connection(); Statement sql = connection.createStatement()) {
            String hash = new AuditStore(gateway.database()).list(org.safegate.audit.AuditQuery.ALL)
                    .get((int) before - 1).hash();
            sql.executeUpdate("DELETE FROM audit_event WHERE seq > " + before);
            sql.executeUpdate("DELETE FROM audit_tree_head WHERE tree_size > " + before);
            sql.executeUpdate("UPDATE audit_head SET seq = " + before + ", checkpoint_seq = " + before + ", hash = '"
                    + hash + "' WHERE id = 1");
        }
        ChainVerifier verifier = new ChainVerifier(keys.auditSigning().certificate());
        AuditStore store = new AuditStore(gateway.database());
        assertThat(store.verify(verifier).isIntact()).isTrue();

        for (Path witnessed : List.of(inbox("DOJ").resolve("checkpoints"), inbox("IRS").resolve("receipts"))) {
            List<Witness> witnesses = Witnesses.load(List.of(witnessed), auditKey());
            VerificationResult result = store.verify(verifier, witnesses);
            assertThat(result.problem()).as(witnessed.toString()).hasValueSatisfying(problem -> {
                assertThat(problem.kind()).isEqualTo(TamperKind.ROLLED_BACK);
                assertThat(problem.sequence()).isEqualTo(before + 1);
                assertThat(problem.detail()).contains(witnessed.toString());
            });
        }
    }
}
