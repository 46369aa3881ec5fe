package org.safegate.transfer;

import java.io.IOException;
import java.nio.file.Path;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.Agreement;
import org.safegate.policy.model.PolicySet;
import org.safegate.store.DeliveredPayloads;
import org.safegate.store.TransferJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes a delivery a stopped run had got far enough with that it is never decided again: one
 * the log (or the recipient's inbox) already has as delivered is published, recorded, receipted
 * and archived as journaled.
 */
final class DeliveryRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRecovery.class);

    private final Delivery delivery;
    private final Endpoints endpoints;
    private final DeliveredPayloads payloads;

    DeliveryRecovery(Delivery delivery, Endpoints endpoints, DeliveredPayloads payloads) {
        this.delivery = delivery;
        this.endpoints = endpoints;
        this.payloads = payloads;
    }

    /**
     * Finishes a delivery a stopped run had audited (and maybe published): publish under the
     * journaled name, record, receipt, archive. Its agreement and agencies come from the journal;
     * should the policies have lost them, the file is held until they are back.
     */
    TransferOutcome finishDelivery(PolicySet set, String sender, Path file, TransferJournal.Entry journaled, long size)
            throws IOException {
        LOG.info("finishing delivered transfer {} at {}", journaled.transferId(), journaled.state());
        Agreement agreement = set.agreement(journaled.agreement()).orElseThrow(() -> missing(journaled,
                "agreement " + journaled.agreement()));
        Agency recipient = set.agency(journaled.recipient()).orElseThrow(() -> missing(journaled,
                "agency " + journaled.recipient()));
        Agency from = set.agency(sender).orElseThrow(() -> missing(journaled, "agency " + sender));
        Transfer ended = Transfer.under(agreement, journaled.transferId(), sender, recipient.id(),
                FileCategory.recorded(agreement, file.getFileName().toString()), file.getFileName().toString(),
                journaled.payloadSha256(), size)
                .disclosingAgain(payloads.deliveredTo(journaled.payloadSha256(), sender)
                        .map(DeliveredPayloads.Delivery::transferId))
                .publishedAs(journaled.deliveredAs());
        delivery.finish(file, endpoints.inbox(recipient.inbox()).child(agreement.id()), endpoints.inbox(from.inbox()),
                ended, journaled.state() == TransferJournal.State.DELIVERED);
        return TransferOutcome.DELIVERED;
    }

    private static SafegateException missing(TransferJournal.Entry journaled, String what) {
        return new SafegateException(ErrorCode.POLICY_INVALID, "transfer " + journaled.transferId()
                + " was delivered under " + what + ", which the policies no longer have: it is finished once they do");
    }
}
