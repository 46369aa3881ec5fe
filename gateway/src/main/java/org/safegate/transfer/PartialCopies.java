package org.safegate.transfer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.PolicySet;
import org.safegate.store.TransferJournal;

/**
 * Drops what an interrupted transfer left in the inboxes when it ends otherwise than delivered
 * (denied, quarantined, or its file withdrawn): the partial sealed copy under its hidden name and a
 * notice still waiting to be published. A transfer already published keeps everything.
 */
final class PartialCopies {
    private final Endpoints endpoints;
    private final Delivery delivery;
    private final RequestFiles requests;

    PartialCopies(Endpoints endpoints, Delivery delivery, RequestFiles requests) {
        this.endpoints = endpoints;
        this.delivery = delivery;
        this.requests = requests;
    }

    void abandon(PolicySet set, Optional<TransferJournal.Entry> interrupted) throws IOException {
        if (interrupted.isEmpty() || interrupted.get().state() == TransferJournal.State.DELIVERED) {
            return;
        }
        if (OutboxLayout.isRequest(Path.of(interrupted.get().sourcePath()))) {
            requests.abandon(set, interrupted);
            return;
        }
        TransferJournal.Entry row = interrupted.get();
        Optional<Agency> from = set.agency(row.sender());
        if (from.isPresent()) {
            ReturnedCopy notice = ReturnedCopy.WITHHELD_NOTICE;
            notice.folder(endpoints.inbox(from.get().inbox()), row.agreement()).removeTemp(notice.tag(row.transferId()));
        }
        Optional<Agency> recipient = set.agency(row.recipient());
        if (recipient.isPresent()) {
            delivery.discard(endpoints.inbox(recipient.get().inbox()).child(row.agreement()), row.transferId());
        }
        // an answer file that ends otherwise (quarantined under another transfer id): its released answers go
        requests.exchange().work().discard(row.transferId());
    }
}
