package org.safegate.transfer;

import java.io.IOException;

/**
 * The refused records of a request file, sealed for the requester and returned to its request
 * folder as {@code <name>.rejections.csv.p7m}. They are written under a hidden name first and
 * published only after the transfer that returns them is audited (the forward of the passing
 * records, or the refusal of the whole file), so a stopped run neither loses them nor returns them
 * twice.
 */
final class RequestRejections {
    static final String SUFFIX = ".rejections.csv";

    private RequestRejections() {
    }

    /** The tag of the hidden name a transfer's rejections wait under. */
    static String tag(String transferId) {
        return transferId + "-r";
    }

    /** Where the copies a requester gets back under an agreement go: the request folder of its inbox. */
    static InboxFolder folder(InboxFolder requesterInbox, String agreement) {
        return requesterInbox.child(agreement).child(OutboxLayout.REQUESTS);
    }

    /**
     * Publishes the rejections waiting under the transfer's hidden name, if any, and drops that
     * name. Again after a stop changes nothing: a published copy is found again by its link (or, on
     * an SFTP server, the rename already took the hidden name away).
     */
    static void publishWaiting(InboxFolder folder, String transferId, String originalName) throws IOException {
        String tag = tag(transferId);
        if (folder.hasTemp(tag)) {
            folder.publishTemp(tag, folder.nameFor(tag, originalName + SUFFIX, ".p7m"));
            folder.removeTemp(tag);
        }
    }
}
