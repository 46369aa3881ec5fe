package org.safegate.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Optional;
import org.safegate.files.FileModes;
import org.safegate.policy.model.PolicySet;
import org.safegate.store.TransferJournal;

/**
 * Refuses a file an outbox holds through a link, before anything of it is read: one reached
 * through a symbolic link (the outbox itself, a folder in it, or the file), or one with another
 * hard link. Either would let a sender have the gateway read, seal and move a file the sender could
 * never read itself. The link itself, never its target, goes to quarantine with
 * {@link RefusalCode#LINK_REFUSED}; the sender gets a receipt and the refusal an audit event, as
 * for any file refused before a policy question.
 */
final class LinkRefusals {
    private final Refusals refusals;
    private final Delivery delivery;
    private final PartialCopies partialCopies;

    LinkRefusals(Refusals refusals, Delivery delivery, PartialCopies partialCopies) {
        this.refusals = refusals;
        this.delivery = delivery;
        this.partialCopies = partialCopies;
    }

    /**
     * What refuses the file: the first symbolic link from the outbox (itself included) down to the
     * file, else the file itself when it has other names; empty when it is a plain file of its own.
     */
    static Optional<Path> find(Path outbox, Path file) throws IOException {
        Optional<Path> symbolic = Links.firstSymbolicLink(outbox, file);
        if (symbolic.isPresent()) {
            return symbolic;
        }
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Links.names(file) > 1) {
            return Optional.of(file);
        }
        return Optional.empty();
    }

    /**
     * Quarantines the link that refuses {@code file}, if there is one (finishing such a refusal a
     * stopped run began); true when there was. An outbox that was itself the link is made a plain
     * folder again, so its agency can go on.
     */
    boolean refused(PolicySet set, String sender, Path outbox, Path file, Instant now) throws IOException {
        Optional<Path> found = find(outbox, file);
        if (found.isEmpty()) {
            return false;
        }
        Path link = found.get();
        BasicFileAttributes attributes = Files.readAttributes(link, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String source = outbox.relativize(link).toString();
        Optional<TransferJournal.Entry> unfinished = delivery.unfinished(sender, source, attributes.size(),
                attributes.lastModifiedTime().toMillis());
        boolean resumed = false;
        if (unfinished.isPresent() && unfinished.get().state() == TransferJournal.State.REFUSING) {
            resumed = refusals.resume(set, link, unfinished.get()).isPresent();
        } else if (unfinished.isPresent() && unfinished.get().state() == TransferJournal.State.SEALING) {
            // a sealing never audited: its partial copy goes, and the file it was made from is not sent
            partialCopies.abandon(set, unfinished);
        }
        if (!resumed) {
            refusals.quarantineLink(set, sender, outbox, link, file, new Refusal(RefusalCode.LINK_REFUSED,
                    message(outbox, link, attributes)), now);
        }
        if (link.equals(outbox)) {
            FileModes.createDirectories(outbox);
        }
        return true;
    }

    private static String message(Path outbox, Path link, BasicFileAttributes attributes) throws IOException {
        String kept = "; the link itself is kept in quarantine, and what it points to was neither read nor moved";
        if (link.equals(outbox)) {
            return "the outbox folder itself is a symbolic link: the gateway takes no file through a link" + kept;
        }
        String where = "'" + FileNames.printable(outbox.relativize(link).toString()) + "'";
        if (attributes.isSymbolicLink()) {
            return where + " is a symbolic link: the gateway takes no file through a link" + kept;
        }
        return where + " has " + Links.names(link) + " names (a hard link shares its content with a file elsewhere):"
                + " the gateway takes no file that has other names; it is kept in quarantine unread";
    }
}
