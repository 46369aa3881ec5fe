package org.safegate.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.safegate.crypto.Sealer;
import org.safegate.keys.KeyProvider;
import org.safegate.store.DeliveredPayloads;
import org.safegate.store.TransferJournal;

/**
 * Seals a permitted file into the recipient's inbox exactly once. Each step is journaled before the
 * next begins, so a run that was killed at any point resumes where it stopped: the sealed copy is
 * written under a hidden name, published under its final name (a hard link, never overwriting),
 * audited, recorded for redisclosure, receipted, and only then is the original archived.
 */
public final class Delivery {
    private final KeyProvider keys;
    private final TransferJournal journal;
    private final DeliveredPayloads payloads;
    private final TransferRecorder recorder;
    private final Path archive;
    private final Clock clock;

    public Delivery(KeyProvider keys, TransferJournal journal, DeliveredPayloads payloads, TransferRecorder recorder,
                    Path dataDir, Clock clock) {
        this.keys = keys;
        this.journal = journal;
        this.payloads = payloads;
        this.recorder = recorder;
        this.archive = dataDir.resolve("archive");
        this.clock = clock;
    }

    /** Seals the file for the recipient and journals it; returns the hidden sealed copy. */
    public Path seal(Path file, Path recipientFolder, X509Certificate recipientCertificate,
                     TransferJournal.Entry entry) throws IOException {
        Sealer sealer = new Sealer(keys.gatewaySigning());
        journal.begin(entry);
        Path temp = DurableFiles.writeTemp(recipientFolder, entry.transferId(), out -> {
            try (InputStream in = Files.newInputStream(file)) {
                sealer.seal(in, out, recipientCertificate);
            }
        });
        journal.sealed(entry.transferId());
        return temp;
    }

    /** Publishes the sealed copy and finishes: audit, redisclosure record, receipt, archive. */
    public void finish(Path file, Path recipientFolder, Path senderInbox, TransferRecorder.Ended ended,
                       TransferJournal.State reached) throws IOException {
        String deliveredAs = ended.deliveredAs().orElse(null);
        Path temp = DurableFiles.tempPath(recipientFolder, ended.transferId());
        TransferRecorder.Ended done = null;
        if (reached == TransferJournal.State.SEALED) {
            // the name is reserved and the delivery audited before the recipient can see the file:
            // nothing is delivered without its audit event
            Path target = deliveredAs != null ? recipientFolder.resolve(deliveredAs)
                    : DurableFiles.nameFor(temp, ended.name(), ".p7m");
            deliveredAs = target.getFileName().toString();
            journal.reserve(ended.transferId(), deliveredAs);
            // no name reserved before: no earlier run can have audited it, so the log need not be asked
            done = ended.deliveredAs().isEmpty() ? audit(ended, deliveredAs) : auditOnce(ended, deliveredAs);
            DurableFiles.linkAs(temp, target);
            journal.delivered(ended.transferId(), deliveredAs);
        }
        // only once the published name is journaled: until then the temporary name is how a resumed
        // run finds which name it had published
        DurableFiles.removeTemp(temp);
        if (done == null) {
            done = auditOnce(ended, deliveredAs);
        }
        Instant now = clock.instant();
        payloads.record(done.sha256(), done.recipient(), done.transferId(), done.agreement(), now);
        recorder.receipt(senderInbox, done, Receipt.Outcome.DELIVERED, now);
        archiveOriginal(file, done.transferId());
        journal.done(done.transferId());
    }

    /** Writes the delivery's audit event unless a previous attempt did; returns the transfer as delivered. */
    private TransferRecorder.Ended auditOnce(TransferRecorder.Ended ended, String deliveredAs) {
        TransferRecorder.Ended done = asDelivered(ended, deliveredAs);
        if (!recorder.deliveryRecorded(done.transferId())) {
            recorder.delivered(done);
        }
        return done;
    }

    private TransferRecorder.Ended audit(TransferRecorder.Ended ended, String deliveredAs) {
        TransferRecorder.Ended done = asDelivered(ended, deliveredAs);
        recorder.delivered(done);
        return done;
    }

    private static TransferRecorder.Ended asDelivered(TransferRecorder.Ended ended, String deliveredAs) {
        return new TransferRecorder.Ended(ended.transferId(), ended.sender(), ended.recipient(),
                ended.agreement(), ended.authority(), ended.category(), ended.name(), ended.sha256(), ended.size(),
                ended.parentTransfer(), java.util.Optional.ofNullable(deliveredAs), List.of(), ended.records(),
                ended.note());
    }

    /** Drops a sealed copy that was never published (the decision changed while the gateway was down). */
    public void discard(Path recipientFolder, String transferId) throws IOException {
        Files.deleteIfExists(DurableFiles.tempPath(recipientFolder, transferId));
        journal.done(transferId);
    }

    private void archiveOriginal(Path file, String transferId) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Path folder = Files.createDirectories(archive.resolve(transferId));
        Files.move(file, folder.resolve(Quarantine.ORIGINAL), StandardCopyOption.ATOMIC_MOVE);
        DurableFiles.syncFolder(folder);
        DurableFiles.syncFolder(file.getParent());
    }
}
