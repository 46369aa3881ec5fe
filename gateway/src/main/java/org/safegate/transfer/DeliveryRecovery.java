package org.safegate.transfer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.policy.Decision;
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
 * and archived as journaled; a sealed copy an earlier version left unaudited is decided again,
 * then published or dropped.
 */
final class DeliveryRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRecovery.class);

    private final Delivery delivery;
    private final Endpoints endpoints;
    private final DeliveredPayloads payloads;
    private final TransferRecorder recorder;
    private final Refusals refusals;

    DeliveryRecovery(Delivery delivery, Endpoints endpoints, DeliveredPayloads payloads, TransferRecorder recorder,
                     Refusals refusals) {
        this.delivery = delivery;
        this.endpoints = endpoints;
        this.payloads = payloads;
        this.recorder = recorder;
        this.refusals = refusals;
    }

    /** Whether the transfer was delivered as far as the log or the recipient can tell: published, or audited. */
    boolean deliveryCommitted(TransferJournal.Entry journaled) {
        return journaled.state() == TransferJournal.State.DELIVERED || recorder.deliveryRecorded(journaled.transferId());
    }

    /**
     * Finishes a delivery a stopped run had audited (and maybe published): publish under the
     * journaled name, record, receipt, archive. Its agreement and agencies come from the journal;
     * should the policies have lost them, the file is held until they are back.
     */
    TransferProcessor.Outcome finishDelivery(PolicySet set, String sender, Path file, TransferJournal.Entry journaled, long size)
            throws IOException {
        LOG.info("finishing delivered transfer {} at {}", journaled.transferId(), journaled.state());
        Agreement agreement = set.agreement(journaled.agreement()).orElseThrow(() -> missing(journaled,
                "agreement " + journaled.agreement()));
        Agency recipient = set.agency(journaled.recipient()).orElseThrow(() -> missing(journaled,
                "agency " + journaled.recipient()));
        Agency from = set.agency(sender).orElseThrow(() -> missing(journaled, "agency " + sender));
        TransferRecorder.Ended ended = new TransferRecorder.Ended(journaled.transferId(), sender, recipient.id(),
                agreement.id(), agreement.authority(), agreement.categories().get(0), file.getFileName().toString(),
                journaled.payloadSha256(), size, payloads.deliveredTo(journaled.payloadSha256(), sender)
                .map(DeliveredPayloads.Delivery::transferId), journaled.deliveredAs(), List.of(), Optional.empty(),
                Optional.empty());
        TransferJournal.State reached = journaled.state() == TransferJournal.State.DELIVERED
                ? TransferJournal.State.DELIVERED : TransferJournal.State.SEALED;
        delivery.finish(file, endpoints.inbox(recipient.inbox()).child(agreement.id()), endpoints.inbox(from.inbox()),
                ended, reached);
        return TransferProcessor.Outcome.DELIVERED;
    }

    private static SafegateException missing(TransferJournal.Entry journaled, String what) {
        return new SafegateException(ErrorCode.POLICY_INVALID, "transfer " + journaled.transferId()
                + " was delivered under " + what + ", which the policies no longer have: it is finished once they do");
    }

    /** A sealed copy from an earlier version, not audited: decided again, then published or dropped. */
    TransferProcessor.Outcome resume(Path file, InboxFolder recipientFolder, InboxFolder senderInbox,
                           TransferRecorder.Ended ended, TransferJournal.Entry journaled, Decision decision,
                           Instant now) throws IOException {
        LOG.info("resuming transfer {} at {}", journaled.transferId(), journaled.state());
        if (!decision.permitted()) {
            delivery.discard(recipientFolder, journaled.transferId());
            refusals.deny(file, senderInbox, ended.unpublished(), journaled.sourcePath(), now);
            return TransferProcessor.Outcome.DENIED;
        }
        delivery.finish(file, recipientFolder, senderInbox, ended, journaled.state());
        return TransferProcessor.Outcome.DELIVERED;
    }
}
