package org.safegate.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.audit.DisclosureReport;
import org.safegate.SafegateException;
import org.safegate.policy.Revocations;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.Agreement;
import org.safegate.policy.model.PolicySet;

/**
 * A request file from the requester of an agreement with request rules: it is refused when the
 * agreement is not in force or the requester is revoked, quarantined when it cannot be read or
 * too many records are deficient, and otherwise its passing records go to the data holder.
 */
public final class RequestFiles {
    private final RequestExchange exchange;
    private final Refusals refusals;
    private final TransferRecorder recorder;
    private final Endpoints endpoints;
    private final Revocations revocations;

    public RequestFiles(RequestExchange exchange, Refusals refusals, TransferRecorder recorder, Endpoints endpoints,
                        Revocations revocations) {
        this.exchange = exchange;
        this.refusals = refusals;
        this.recorder = recorder;
        this.endpoints = endpoints;
        this.revocations = revocations;
    }

    public RequestExchange exchange() {
        return exchange;
    }

    TransferProcessor.Outcome process(PolicySet set, OutboxEntry entry, Agreement agreement, Path outbox, Instant now)
            throws IOException {
        Path file = entry.file();
        Agency requester = set.agency(entry.sender()).orElseThrow();
        Agency holder = set.agency(agreement.provider()).orElseThrow();
        InboxFolder requesterInbox = endpoints.inbox(requester.inbox());
        String source = outbox.relativize(file).toString();
        Optional<String> refusal = refusal(agreement, requester, LocalDate.ofInstant(now, ZoneOffset.UTC));
        if (refusal.isPresent()) {
            refusals.quarantine(set, entry.sender(), outbox, file, new Refusal(RefusalCode.MISPLACED, refusal.get()), now);
            return TransferProcessor.Outcome.QUARANTINED;
        }
        RequestExchange.Inspected inspected;
        try {
            inspected = exchange.inspect(file, agreement, now);
        } catch (SafegateException e) {
            if (e.code() != ErrorCode.RECORD_FILE_INVALID) {
                throw e;
            }
            refusals.quarantine(set, entry.sender(), outbox, file, new Refusal(RefusalCode.INPUT_MALFORMED,
                    e.getMessage()), now);
            return TransferProcessor.Outcome.QUARANTINED;
        }
        String counts = RequestExchange.counts(inspected.result());
        if (inspected.result().quarantined()) {
            exchange.returnRefusals(inspected, file, agreement, requester);
            refusals.quarantine(set, entry.sender(), outbox, file, new Refusal(RefusalCode.REQUESTS_DEFICIENT,
                    "too many deficient records to pass any: " + counts), now);
            return TransferProcessor.Outcome.QUARANTINED;
        }
        String sha256 = Digests.sha256(file);
        long size = Files.size(file);
        String deliveredAs = exchange.forward(inspected, file, agreement, requester, holder, now);
        TransferRecorder.Ended ended = new TransferRecorder.Ended(inspected.transferId(), requester.id(), holder.id(),
                agreement.id(), agreement.authority(), DisclosureReport.REQUEST_CATEGORY, entry.name(), sha256, size, Optional.empty(),
                Optional.of(deliveredAs), List.of(), Optional.of(inspected.result().passed()), Optional.of(counts));
        recorder.receipt(requesterInbox, ended, Receipt.Outcome.DELIVERED, now);
        return TransferProcessor.Outcome.DELIVERED;
    }

    private Optional<String> refusal(Agreement agreement, Agency requester, LocalDate day) {
        if (!requester.id().equals(agreement.recipient())) {
            return Optional.of(requester.id() + " is not the requester under " + agreement.id());
        }
        if (!agreement.inForceOn(day)) {
            return Optional.of("agreement " + agreement.id() + " is not in force on " + day);
        }
        Optional<String> agreementRevoked = revocations.agreementInForce(agreement.id())
                .map(r -> "agreement " + agreement.id() + " was revoked " + r.at() + ": " + r.reason());
        if (agreementRevoked.isPresent()) {
            return agreementRevoked;
        }
        return revocations.inForce(requester.id())
                .map(r -> requester.id() + "'s access was revoked " + r.at() + ": " + r.reason());
    }
}
