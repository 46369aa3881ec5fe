package org.safegate.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.safegate.policy.model.PolicySet;
import org.safegate.store.TransferJournal;
import org.safegate.store.TransferJournal.Entry;
import org.safegate.store.TransferJournal.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes the sealings a stopped run left behind whose file is no longer in its outbox: the
 * sender took it back, or replaced it with another, while the gateway was down. Such a transfer is
 * never resumed (nothing picks its file up again), so its partial sealed copy would stay hidden in
 * the recipient's inbox for good; the sweep removes it (and a notice waiting in the sender's
 * inbox) and finishes the journal row. The file itself is not the gateway's to judge: a replaced
 * file is a new transfer.
 *
 * <p>In doubt a sealing is left alone: when its delivery was audited (it is finished when the file
 * comes back), when the policies no longer know its sender's outbox or its recipient, when the
 * outbox folder itself is missing or the file cannot be looked at, when another run holds the file
 * (Camel's read-lock marker is beside it), or when removing fails (the next start tries again). Rows keyed by the digest of a very long path
 * cannot be matched to a file and are never swept.
 */
final class WithdrawnFiles {
    private static final Logger LOG = LoggerFactory.getLogger(WithdrawnFiles.class);
    /** The marker Camel's file consumer keeps beside a file while a run holds it. */
    private static final String CAMEL_LOCK = ".camelLock";

    private final Supplier<PolicySet> policies;
    private final TransferJournal journal;
    private final TransferRecorder recorder;
    private final PartialCopies partialCopies;
    private final TakenFiles taken;

    WithdrawnFiles(Supplier<PolicySet> policies, TransferJournal journal, TransferRecorder recorder,
                   PartialCopies partialCopies, TakenFiles taken) {
        this.taken = taken;
        this.policies = policies;
        this.journal = journal;
        this.recorder = recorder;
        this.partialCopies = partialCopies;
    }

    /** Sweeps with each agency's outbox folder as given; returns how many sealings were finished. */
    int sweep(Map<String, Path> outboxes) {
        PolicySet set;
        List<Entry> interrupted;
        try {
            set = policies.get();
            // SEALING: sealing began and was not audited
            interrupted = journal.inState(State.SEALING);
        } catch (RuntimeException e) {
            // the routes hold every file while the store is down; the next start sweeps
            LOG.warn("cannot look for unfinished sealings of withdrawn files: {}", e.getMessage());
            return 0;
        }
        int swept = 0;
        for (Entry row : interrupted) {
            Path outbox = outboxes.get(row.sender());
            if (outbox == null || set.agency(row.recipient()).isEmpty() || stillTaken(row) || !withdrawn(outbox, row)) {
                continue;
            }
            try {
                // asked after the file is found gone: a file is archived only after its delivery is audited, so a
                // delivery finishing meanwhile is seen here
                if (recorder.deliveryRecorded(row.transferId())) {
                    continue;
                }
                partialCopies.abandon(set, Optional.of(row));
                swept++;
                LOG.warn("transfer {}: {} took {} out of its outbox (or changed it) while it was being sealed for {};"
                        + " its unfinished sealed copy was removed, nothing was delivered", row.transferId(),
                        row.sender(), FileNames.printable(row.sourcePath()), row.recipient());
            } catch (IOException | RuntimeException e) {
                LOG.warn("transfer {}: cannot remove the unfinished sealed copy of {} (the next start tries again): {}",
                        row.transferId(), FileNames.printable(row.sourcePath()), e.getMessage());
            }
        }
        return swept;
    }

    /** True when the gateway's private folder holds this very file: taken, so never withdrawn. */
    private boolean stillTaken(Entry row) {
        Path agencyRoot = taken.root(row.sender());
        try {
            Path file = agencyRoot.resolve(row.sourcePath()).normalize();
            if (!file.startsWith(agencyRoot)) {
                return true;
            }
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return attributes.size() == row.sourceSize()
                    && attributes.lastModifiedTime().toMillis() == row.sourceModified();
        } catch (InvalidPathException e) {
            return true;
        } catch (NoSuchFileException notTaken) {
            return false;
        } catch (IOException | SecurityException e) {
            return true;
        }
    }

    /** True only when the outbox certainly no longer holds this very file (same place, size and time). */
    private static boolean withdrawn(Path outbox, Entry row) {
        Path file;
        try {
            file = outbox.resolve(row.sourcePath()).normalize();
        } catch (InvalidPathException e) {
            return false;
        }
        if (!file.startsWith(outbox.normalize())) {
            return false;
        }
        if (Files.exists(file.resolveSibling(file.getFileName() + CAMEL_LOCK), LinkOption.NOFOLLOW_LINKS)) {
            // another run (a `run --once` beside the daemon) is working on the file right now
            return false;
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return attributes.size() != row.sourceSize()
                    || attributes.lastModifiedTime().toMillis() != row.sourceModified();
        } catch (NoSuchFileException gone) {
            // an outbox that is not there at all (an unmounted share) says nothing about its files
            return Files.isDirectory(outbox, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
