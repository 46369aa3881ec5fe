package org.safegate.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.safegate.policy.Decision;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.PolicySet;

/**
 * Ends a transfer without sending it: audited first, then the original kept in quarantine with its
 * reasons, then a receipt to the sender. Nothing is deleted.
 */
public final class Refusals {
    /** Receipts of files that name no agreement go under this folder of the sender's inbox. */
    static final String UNPLACED = "_unplaced";

    private final Quarantine quarantine;
    private final TransferRecorder recorder;
    private final Endpoints endpoints;

    public Refusals(Quarantine quarantine, TransferRecorder recorder, Endpoints endpoints) {
        this.quarantine = quarantine;
        this.recorder = recorder;
        this.endpoints = endpoints;
    }

    /** A file the outbox layout refused before any policy question. */
    public void quarantine(PolicySet policies, String sender, Path outbox, Path file, Refusal refusal, Instant now)
            throws IOException {
        String source = outbox.relativize(file).toString();
        boolean regular = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
        String agreement = agreementOf(policies, outbox, file);
        List<Receipt.Reason> reasons = List.of(new Receipt.Reason(refusal.code().name(), refusal.message()));
        TransferRecorder.Ended ended = new TransferRecorder.Ended(UUID.randomUUID().toString(), sender, "", agreement,
                "", "", file.getFileName().toString(), regular ? Digests.sha256(file) : "",
                regular ? Files.size(file) : 0, Optional.empty(), Optional.empty(), reasons, Optional.empty(),
                Optional.empty());
        recorder.quarantined(ended);
        quarantine.keep(ended.transferId(), sender, source, file, "quarantined", quarantineReasons(reasons), now);
        recorder.receipt(senderInbox(policies, sender), ended, Receipt.Outcome.QUARANTINED, now);
    }

    /** A file the policy gate denied. */
    public void deny(Path file, InboxFolder senderInbox, TransferRecorder.Ended ended, String source, Instant now)
            throws IOException {
        recorder.denied(ended);
        quarantine.keep(ended.transferId(), ended.sender(), source, file, "denied", quarantineReasons(ended.reasons()),
                now);
        recorder.receipt(senderInbox, ended, Receipt.Outcome.DENIED, now);
    }

    /** Every reason of a decision, as receipts and audit events carry them. */
    public List<Receipt.Reason> reasons(Decision decision) {
        return decision.reasons().stream().map(r -> new Receipt.Reason(r.code().name(), r.message())).toList();
    }

    private InboxFolder senderInbox(PolicySet policies, String sender) {
        Agency agency = policies.agency(sender).orElseThrow();
        return endpoints.inbox(agency.inbox());
    }

    private static String agreementOf(PolicySet policies, Path outbox, Path file) {
        Path relative = outbox.relativize(file);
        if (relative.getNameCount() < 2) {
            return UNPLACED;
        }
        String folder = relative.getName(0).toString();
        return policies.agreement(folder).isPresent() ? folder : UNPLACED;
    }

    private static List<Quarantine.Reason> quarantineReasons(List<Receipt.Reason> reasons) {
        return reasons.stream().map(r -> new Quarantine.Reason(r.code(), r.message())).toList();
    }
}
