package org.safegate.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.crypto.Sealer;
import org.safegate.keys.Identity;
import org.safegate.keys.KeyProvider;
import org.safegate.store.AnswerRecords;
import org.safegate.store.DeliveredPayloads;
import org.safegate.store.StoreWrite;
import org.safegate.store.TransferJournal;

/**
 * Seals a permitted file into the recipient's inbox exactly once. Each step is recorded before the
 * next begins, so a run that was killed at any point resumes where it stopped: the name is
 * reserved in the journal, the sealed copy written under a hidden name, the delivery audited,
 * the copy published under its final name (a hard link, never overwriting), journaled delivered
 * together with its payload (for redisclosure), receipted, and only then is the original archived.
 */
public final class Delivery {
    private final KeyProvider keys;
    private final TransferJournal journal;
    private final TransferRecorder recorder;
    private final Archive archive;
    private final Clock clock;
    /** The sealer of the gateway's current signing identity: built (and its certificate checked) once, not per file. */
    private final AtomicReference<Sealer> sealer = new AtomicReference<>();

    public Delivery(KeyProvider keys, TransferJournal journal, TransferRecorder recorder, Path dataDir, Clock clock) {
        this(keys, journal, recorder, new Archive(dataDir), clock);
    }

    private Delivery(KeyProvider keys, TransferJournal journal, TransferRecorder recorder, Archive archive,
                     Clock clock) {
        this.keys = keys;
        this.journal = journal;
        this.recorder = recorder;
        this.archive = archive;
        this.clock = clock;
    }

    /** Where this delivery archives originals; certificates of disposal are archived there too. */
    Archive archive() {
        return archive;
    }

    /** The same delivery with other keys and recorder (tests act at each use of them). */
    Delivery with(KeyProvider otherKeys, TransferRecorder otherRecorder) {
        return new Delivery(otherKeys, journal, otherRecorder, archive, clock);
    }

    /**
     * Seals {@code content} for the recipient and finishes the transfer of {@code file}. The name
     * it will be published under is journaled with the start of sealing (a resumed run keeps the
     * name it journaled). The step after sealing is the audit event, which names the published
     * name too: a run stopped after it finds the event and publishes, one stopped before it seals
     * again. That is one journal commit fewer than a step of its own for "sealed".
     */
    public void deliver(Path content, Optional<String> checkedSha256, Path file, InboxFolder recipientFolder,
                        InboxFolder senderInbox, X509Certificate recipientCertificate, TransferJournal.Entry entry,
                        Transfer ended) throws IOException {
        deliver(content, checkedSha256, file, recipientFolder, senderInbox, recipientCertificate, entry, ended,
                Optional.empty(), c -> { });
    }

    /**
     * As {@link #deliver(Path, Optional, Path, InboxFolder, InboxFolder, X509Certificate, TransferJournal.Entry,
     * Transfer)}, with {@code alongside} written in the transaction of the delivery's audit event (an
     * answer file's records: they are delivered exactly when the log says so). When {@code content} is
     * not the file as sent but answers {@code released} from it, the delivery is audited and recorded
     * under their digest and size (what the recipient holds and may pass on); the receipt names the file.
     */
    public void deliver(Path content, Optional<String> checkedSha256, Path file, InboxFolder recipientFolder,
                        InboxFolder senderInbox, X509Certificate recipientCertificate, TransferJournal.Entry entry,
                        Transfer ended, Optional<ReleasedContent> released, StoreWrite alongside) throws IOException {
        String deliveredAs = entry.deliveredAs().isPresent() ? entry.deliveredAs().get()
                : recipientFolder.nameFor(ended.transferId(), ended.name(), ".p7m");
        journal.begin(entry, deliveredAs);
        writeSealed(content, checkedSha256, recipientFolder, recipientCertificate, entry.transferId());
        // the caller found no audit event of this transfer (or none was possible: it is new)
        publishAndFinish(file, recipientFolder, senderInbox, ended, deliveredAs, false, released, alongside);
    }

    /**
     * Seals {@code content} under the transfer's hidden name. When the digest it was checked with
     * is given, the bytes sealed must have it, or nothing is published: a sender that kept the file
     * open could otherwise change it between the checks and the seal.
     */
    private void writeSealed(Path content, Optional<String> checkedSha256, InboxFolder recipientFolder,
                             X509Certificate recipientCertificate, String transferId) throws IOException {
        Sealer sealer = sealer();
        MessageDigest sealed = Digests.newSha256();
        recipientFolder.writeTemp(transferId, out -> {
            // a name swapped for a link since it was checked is not followed
            try (InputStream in = new DigestInputStream(Files.newInputStream(content,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS), sealed)) {
                sealer.seal(in, out, recipientCertificate);
            }
        });
        String sealedSha256 = HexFormat.of().formatHex(sealed.digest());
        if (checkedSha256.isPresent() && !checkedSha256.get().equals(sealedSha256)) {
            // nothing of it was audited or published: the sealing ends here, and the retry is a new transfer
            discard(recipientFolder, transferId);
            throw new SafegateException(ErrorCode.CONTENT_CHANGED, ErrorCode.CONTENT_CHANGED + ": transfer " + transferId
                    + ": the file changed after it was checked (SHA-256 " + checkedSha256.get() + " when checked, "
                    + sealedSha256 + " when sealed; its sender may still be writing it); nothing is sent, and it is"
                    + " held and checked again from its new content");
        }
    }

    /** A new sealer only when the gateway's signing identity changed (its key files were replaced). */
    private Sealer sealer() {
        Identity signing = keys.gatewaySigning();
        Sealer current = sealer.get();
        if (current == null || current.signer() != signing) {
            current = new Sealer(signing, clock);
            sealer.set(current);
        }
        return current;
    }

    /**
     * Finishes a delivery a stopped run audited: publishes the sealed copy under the journaled name
     * (unless the run had, {@code published}), then receipt and archive.
     */
    public void finish(Path file, InboxFolder recipientFolder, InboxFolder senderInbox, Transfer ended,
                       boolean published) throws IOException {
        if (published) {
            // published and journaled DELIVERED by the stopped run
            recipientFolder.removeTemp(ended.transferId());
            Transfer done = auditOnce(ended, ended.deliveredAs().orElse(null));
            publishWaitingNotice(senderInbox, done);
            receiptAndArchive(file, senderInbox, done);
            return;
        }
        // the name is journaled when sealing begins, before the event that names it
        String deliveredAs = ended.deliveredAs().orElseThrow(() -> new IOException("transfer " + ended.transferId()
                + " is audited as delivered but its journal row names no published name: the file is held"));
        publishAndFinish(file, recipientFolder, senderInbox, ended, deliveredAs, true, Optional.empty(), c -> { });
    }

    /**
     * The name is reserved and the delivery audited before the recipient can see the file: nothing
     * is delivered without its audit event; a resumed run publishes under the reserved name (or
     * finds that the stopped run already had).
     */
    private void publishAndFinish(Path file, InboxFolder recipientFolder, InboxFolder senderInbox,
                                  Transfer ended, String deliveredAs, boolean mayBeAudited,
                                  Optional<ReleasedContent> released, StoreWrite alongside) throws IOException {
        Transfer done = mayBeAudited ? auditOnce(ended, deliveredAs) : audit(ended, deliveredAs, released, alongside);
        recipientFolder.publishTemp(ended.transferId(), deliveredAs);
        publishWaitingNotice(senderInbox, done);
        // the payload record went with the audit event
        journal.delivered(done.transferId(), deliveredAs);
        // only once the published name is journaled: until then the temporary name is how a resumed
        // run finds which name it had published
        recipientFolder.removeTemp(done.transferId());
        receiptAndArchive(file, senderInbox, done);
    }

    /** The notice of answers withheld from an answer file goes to its sender once the delivery is audited. */
    private static void publishWaitingNotice(InboxFolder senderInbox, Transfer ended) throws IOException {
        ReturnedCopy notice = ReturnedCopy.WITHHELD_NOTICE;
        notice.publishWaiting(notice.folder(senderInbox, ended.agreement()), ended.transferId(), ended.name());
    }

    private void receiptAndArchive(Path file, InboxFolder senderInbox, Transfer done) throws IOException {
        recorder.receipt(senderInbox, done, Receipt.Outcome.DELIVERED, clock.instant());
        archive.keep(file, done.transferId());
        // the archived original already says the transfer is finished; the journal learns it with its next step
        journal.doneWithNextStep(done.transferId());
    }

    /**
     * The transfer of this very file that a stopped run left unfinished, if any. A journal row
     * still DELIVERED whose original is archived is finished (archiving is the last step; its DONE
     * step was waiting when the run stopped): a file found now is another one.
     */
    public Optional<TransferJournal.Entry> unfinished(String sender, String sourcePath, long size, long modified) {
        return journal.unfinishedRows(sender, sourcePath, size, modified).stream()
                .filter(u -> u.state() != TransferJournal.State.DELIVERED
                        || !archive.has(u.transferId()))
                .findFirst();
    }

    /**
     * Writes the delivery's audit event unless a previous attempt did; returns the transfer as
     * delivered. Records an answer file's staged records with it, should this be the event's first
     * writing (its records are staged by the filtering, which is never repeated once it is audited).
     * Only an audited delivery is finished here, so the event and its payload record (an answer
     * file's: under its released answers' digest, which the journal does not keep) exist already.
     */
    private Transfer auditOnce(Transfer ended, String deliveredAs) {
        Transfer done = asDelivered(ended, deliveredAs);
        if (!recorder.deliveryRecorded(done.transferId())) {
            recorder.delivered(done, payloadOf(done), AnswerRecords.delivering(done.transferId()));
        }
        return done;
    }

    /** The delivery's audit event, with its payload recorded as delivered (and {@code alongside}) in the same transaction. */
    private Transfer audit(Transfer ended, String deliveredAs, Optional<ReleasedContent> released,
                           StoreWrite alongside) {
        Transfer done = asDelivered(ended, deliveredAs);
        recorder.delivered(done, released, payloadOf(done, released), alongside);
        return done;
    }

    private DeliveredPayloads.Delivered payloadOf(Transfer done) {
        return payloadOf(done, Optional.empty());
    }

    /** The data the recipient now holds: the file's (or a signed input's content's), or the answers released from it. */
    private DeliveredPayloads.Delivered payloadOf(Transfer done, Optional<ReleasedContent> released) {
        return new DeliveredPayloads.Delivered(released.map(ReleasedContent::sha256).orElse(done.sha256()),
                done.recipient(), done.agreement(), clock.instant());
    }

    private static Transfer asDelivered(Transfer ended, String deliveredAs) {
        return ended.publishedAs(Optional.ofNullable(deliveredAs)).withReasons(List.of());
    }

    /** Drops a sealed copy that was never published (the decision changed while the gateway was down). */
    public void discard(InboxFolder recipientFolder, String transferId) throws IOException {
        recipientFolder.removeTemp(transferId);
        journal.done(transferId);
    }
}
