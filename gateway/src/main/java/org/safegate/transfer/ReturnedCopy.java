package org.safegate.transfer;

import java.io.IOException;

/**
 * What a transfer returns to its sender besides the receipt: the refused records of a request file
 * (to the requester's request folder, {@code <name>.rejections.csv.p7m}), and the notice of answers
 * withheld from an answer file (to the data holder's notices folder,
 * {@code <name>.withheld.csv.p7m}). Each is sealed under a hidden name while the file is decided and
 * published only after the transfer's audit event (its delivery, forward or refusal), so a held
 * file or a stopped run neither loses it nor sends it twice.
 */
enum ReturnedCopy {
    REJECTIONS(OutboxLayout.REQUESTS, ".rejections.csv", "-r"),
    WITHHELD_NOTICE("notices", ".withheld.csv", "-n");

    private final String folder;
    private final String suffix;
    private final String tagSuffix;

    ReturnedCopy(String folder, String suffix, String tagSuffix) {
        this.folder = folder;
        this.suffix = suffix;
        this.tagSuffix = tagSuffix;
    }

    /** What the copy's name adds to the original's, before {@code .p7m}. */
    String suffix() {
        return suffix;
    }

    /** The tag of the hidden name the copy of a transfer waits under. */
    String tag(String transferId) {
        return transferId + tagSuffix;
    }

    /** Where the copy goes: a folder of the sender's inbox under the agreement. */
    InboxFolder folder(InboxFolder senderInbox, String agreement) {
        return senderInbox.child(agreement).child(folder);
    }

    /**
     * Publishes the copy waiting under the transfer's hidden name, if any, and drops that name.
     * Again after a stop changes nothing: a published copy is found again by its link (or, on an
     * SFTP server, the rename already took the hidden name away).
     */
    void publishWaiting(InboxFolder folder, String transferId, String originalName) throws IOException {
        String tag = tag(transferId);
        if (folder.hasTemp(tag)) {
            folder.publishTemp(tag, folder.nameFor(tag, originalName + suffix, ".p7m"));
            folder.removeTemp(tag);
        }
    }
}
