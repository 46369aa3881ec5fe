package org.safegate.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;
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
import org.safegate.store.AnswerRecords;
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
    private final AnswerRecords answerRecords;
    private final KeyProvider keys;
    private final Endpoints endpoints;
    private final WorkFiles work;
    private final Clock clock;

    public RequestExchange(InspectionSettings settings, StoredPassedRequests outcomes, AnswerRecords answerRecords,
                           KeyProvider keys, Endpoints endpoints, Path dataDir, Clock clock) {
        this.clock = clock;
        this.answerRecords = answerRecords;
        this.settings = settings;
        this.outcomes = outcomes;
        this.answers = new AnswerFilter(settings, outcomes);
        this.keys = keys;
        this.endpoints = endpoints;
        this.work = new WorkFiles(dataDir);
    }

    /** Where the plain-text working copies of transfers are made. */
    public WorkFiles work() {
        return work;
    }

    /** What inspecting a request file produced. */
    public record Inspected(String transferId, InspectionResult result, Path passed, Path rejections) {
    }

    /** Inspects a request file; the caller delivers or quarantines by the result. */
    public Inspected inspect(Path file, Agreement agreement, Instant now) throws IOException {
        return inspect(file, agreement, UUID.randomUUID().toString(), now);
    }

    /** Inspects a request file for the transfer {@code transferId} (a stopped run's, inspected again). */
    Inspected inspect(Path file, Agreement agreement, String transferId, Instant now) throws IOException {
        Path folder = work.folder(transferId);
        String name = file.getFileName().toString();
        Path passed = folder.resolve("passed-" + name);
        Path rejections = folder.resolve("rejections.csv");
        // outcomes are staged in batches, and made visible only once the whole file has been read
        BatchedPassedRequests batch = BatchedPassedRequests.begin(outcomes, transferId);
        InspectionResult result = new RequestInspector(settings, batch)
                .inspect(file, new InspectionContext(agreement, now), passed, rejections);
        batch.flush();
        return new Inspected(transferId, result, passed, rejections);
    }

    /** The answers that may leave, filtered into a new file; the notice of withheld ones waits, hidden, for the holder. */
    public record Filtered(Path released, AnswerResult result) {
    }

    /**
     * Filters the answers. The released records are staged as answer records of the transfer (an
     * earlier attempt's are dropped first); the delivery's audit event makes them delivered
     * ({@link AnswerRecords#delivering}).
     */
    public Filtered filterAnswers(Path file, Agreement agreement, Agency holder, String transferId, Instant now)
            throws IOException {
        Path folder = work.folder(transferId);
        String name = file.getFileName().toString();
        Path released = folder.resolve(name);
        Path notice = folder.resolve("withheld.csv");
        AnswerRecords.Staging staged = answerRecords.stage(transferId, agreement.id());
        AnswerResult result;
        try {
            result = answers.filter(file, AnswerContext.of(agreement, now), released, notice, staged::add);
            staged.flush();
        } catch (RuntimeException e) {
            // nothing of a file that cannot be filtered is sent
            answerRecords.dropStaged(transferId);
            throw e;
        }
        ReturnedCopy copy = ReturnedCopy.WITHHELD_NOTICE;
        InboxFolder notices = copy.folder(endpoints.inbox(holder.inbox()), agreement.id());
        if (result.withheld() > 0) {
            // published once the file's delivery or denial is audited (ReturnedCopy)
            notices.writeTemp(copy.tag(transferId), sealedFor(notice, holder));
        } else {
            // an earlier attempt's notice is stale now (the requests it withheld have passed since)
            notices.removeTemp(copy.tag(transferId));
        }
        return new Filtered(released, result);
    }

    /** Drops the answer records staged by filtering a transfer that is not delivered from them (it is denied). */
    void dropStagedAnswers(String transferId) {
        answerRecords.dropStaged(transferId);
    }

    /** The content sealed by the gateway for the recipient, as it is written. */
    DurableFiles.Content sealedFor(Path content, Agency recipient) throws IOException {
        X509Certificate certificate = keys.certificate(endpoints.reference(recipient.certificate()));
        Sealer sealer = new Sealer(keys.gatewaySigning(), clock);
        return out -> {
            try (InputStream in = Files.newInputStream(content)) {
                sealer.seal(in, out, certificate);
            }
        };
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
