package org.safegate.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditLog;
import org.safegate.audit.DisclosureReport;
import org.safegate.audit.Outcome;
import org.safegate.crypto.Sealer;
import org.safegate.inspect.AnswerContext;
import org.safegate.inspect.AnswerFilter;
import org.safegate.inspect.AnswerResult;
import org.safegate.inspect.InspectionContext;
import org.safegate.inspect.InspectionResult;
import org.safegate.inspect.InspectionSettings;
import org.safegate.inspect.RequestInspector;
import org.safegate.keys.KeyProvider;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.Agreement;
import org.safegate.store.BatchedPassedRequests;
import org.safegate.store.StoredPassedRequests;

/**
 * The two directions of an agreement with request rules. A requester's request file is inspected
 * record by record: only the records that meet the statute go on, sealed, to the data holder; the
 * requester gets the list of refused records and why. The data holder's answers are filtered
 * before sealing: only answers to requests that passed leave; the holder gets a notice of the rest.
 */
public final class RequestExchange {
    private final InspectionSettings settings;
    private final StoredPassedRequests outcomes;
    private final AnswerFilter answers;
    private final KeyProvider keys;
    private final Endpoints endpoints;
    private final AuditLog audit;
    private final Path work;

    public RequestExchange(InspectionSettings settings, StoredPassedRequests outcomes, KeyProvider keys,
                           Endpoints endpoints, AuditLog audit, Path dataDir) {
        this.settings = settings;
        this.outcomes = outcomes;
        this.answers = new AnswerFilter(settings, outcomes);
        this.keys = keys;
        this.endpoints = endpoints;
        this.audit = audit;
        this.work = dataDir.resolve("work");
    }

    /** What inspecting a request file produced. */
    public record Inspected(String transferId, InspectionResult result, Path passed, Path rejections) {
    }

    /** Inspects a request file; the caller delivers or quarantines by the result. */
    public Inspected inspect(Path file, Agreement agreement, Instant now) throws IOException {
        String transferId = UUID.randomUUID().toString();
        Path folder = Files.createDirectories(work.resolve(transferId));
        String name = file.getFileName().toString();
        Path passed = folder.resolve("passed-" + name);
        Path rejections = folder.resolve("rejections.csv");
        // outcomes are written in batches, and only once the whole file has been read
        BatchedPassedRequests batch = new BatchedPassedRequests(outcomes);
        InspectionResult result = new RequestInspector(settings, batch)
                .inspect(file, new InspectionContext(agreement, now), passed, rejections);
        batch.flush();
        return new Inspected(transferId, result, passed, rejections);
    }

    /** Seals the passed records to the data holder and the refusals back to the requester. */
    public String forward(Inspected inspected, Path original, Agreement agreement, Agency requester, Agency holder,
                          Instant now) throws IOException {
        String name = original.getFileName().toString();
        InboxFolder holderFolder = endpoints.inbox(holder.inbox()).child(agreement.id()).child(OutboxLayout.REQUESTS);
        String deliveredAs = seal(inspected.passed(), holderFolder, name, holder, inspected.transferId());
        InboxFolder requesterFolder = endpoints.inbox(requester.inbox()).child(agreement.id())
                .child(OutboxLayout.REQUESTS);
        seal(inspected.rejections(), requesterFolder, name + ".rejections.csv", requester, inspected.transferId() + "-r");
        audit.append(requestEntry(inspected, original, agreement, requester, AuditEventType.TRANSFER_DELIVERED,
                Outcome.SUCCESS).change("requests to " + holder.id() + " as " + deliveredAs + ": "
                + counts(inspected.result())).build());
        archive(original, inspected.transferId());
        return deliveredAs;
    }

    /** Sends the refusals of a request file refused whole back to the requester. */
    public void returnRefusals(Inspected inspected, Path original, Agreement agreement, Agency requester)
            throws IOException {
        InboxFolder requesterFolder = endpoints.inbox(requester.inbox()).child(agreement.id())
                .child(OutboxLayout.REQUESTS);
        seal(inspected.rejections(), requesterFolder, original.getFileName() + ".rejections.csv", requester,
                inspected.transferId() + "-r");
    }

    /** The answers that may leave, filtered into a new file; the notice of withheld ones goes to the holder. */
    public record Filtered(Path released, AnswerResult result) {
    }

    public Filtered filterAnswers(Path file, Agreement agreement, Agency holder, String transferId, Instant now)
            throws IOException {
        Path folder = Files.createDirectories(work.resolve(transferId));
        String name = file.getFileName().toString();
        Path released = folder.resolve(name);
        Path notice = folder.resolve("withheld.csv");
        AnswerResult result = answers.filter(file, AnswerContext.of(agreement, now), released, notice);
        if (result.withheld() > 0) {
            InboxFolder holderFolder = endpoints.inbox(holder.inbox()).child(agreement.id()).child("notices");
            seal(notice, holderFolder, name + ".withheld.csv", holder, transferId + "-n");
        }
        return new Filtered(released, result);
    }

    private String seal(Path content, InboxFolder folder, String name, Agency recipient, String tag)
            throws IOException {
        X509Certificate certificate = keys.certificate(endpoints.reference(recipient.certificate()));
        Sealer sealer = new Sealer(keys.gatewaySigning());
        return folder.publish(name, ".p7m", tag, out -> {
            try (InputStream in = Files.newInputStream(content)) {
                sealer.seal(in, out, certificate);
            }
        });
    }

    private void archive(Path original, String transferId) throws IOException {
        Path folder = Files.createDirectories(work.getParent().resolve("archive").resolve(transferId));
        Files.move(original, folder.resolve(Quarantine.ORIGINAL), StandardCopyOption.ATOMIC_MOVE);
    }

    private static AuditEntry.Builder requestEntry(Inspected inspected, Path original, Agreement agreement,
                                                   Agency requester, AuditEventType type, Outcome outcome) {
        InspectionResult r = inspected.result();
        return AuditEntry.builder(type, requester.id()).origin("outbox:" + requester.id())
                .object(FileNames.printable(original.getFileName().toString())).outcome(outcome)
                .transferId(inspected.transferId()).provider(requester.id()).recipient(agreement.provider())
                .agreement(agreement.id()).authority(agreement.authority()).category(DisclosureReport.REQUEST_CATEGORY)
                .recordCount(r.arrived()).reasonCodes(r.refusedByReason().entrySet().stream()
                        .filter(e -> e.getValue() > 0).map(e -> e.getKey().name()).sorted().toList());
    }

    /** "arrived 10, passed 7, refused 3 (STATE_INVALID=2, ZIP_INVALID=1)" */
    public static String counts(InspectionResult r) {
        String byReason = r.refusedByReason().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().name() + "=" + e.getValue()).sorted().collect(Collectors.joining(", "));
        return "arrived " + r.arrived() + ", passed " + r.passed() + ", refused " + r.refused()
                + (byReason.isEmpty() ? "" : " (" + byReason + ")");
    }

    /** "arrived 10, released 7, withheld 3 (REQUEST_REFUSED=3)" */
    public static String counts(AnswerResult r) {
        String byReason = r.withheldByReason().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().name() + "=" + e.getValue()).sorted().collect(Collectors.joining(", "));
        return "arrived " + r.arrived() + ", released " + r.released() + ", withheld " + r.withheld()
                + (byReason.isEmpty() ? "" : " (" + byReason + ")");
    }
}
