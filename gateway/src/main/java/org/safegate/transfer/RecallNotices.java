package org.safegate.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.safegate.ErrorCode;
import org.safegate.OperatorLog;
import org.safegate.SafegateException;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditLog;
import org.safegate.audit.Outcome;
import org.safegate.crypto.Sealer;
import org.safegate.keys.KeyProvider;
import org.safegate.policy.CertificateCheck;
import org.safegate.policy.Reason;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.PolicySet;
import org.safegate.recall.Recall;
import org.safegate.recall.RecallNotice;
import org.safegate.recall.StoredRecallNotices;
import org.safegate.recall.StoredRecalls;
import org.safegate.store.Database;
import org.slf4j.Logger;

/**
 * Delivers each recall's notice to each holder, exactly once, as {@code <inbox>/recalls/<recall-id>.json.p7m}:
 * the {@link RecallNoticeDocument} signed by the gateway and encrypted to the holder's certificate,
 * as a delivery is sealed. Each attempt claims the notice, seals it under a hidden name of its own,
 * records {@code RECALL_NOTICE_DELIVERED} together with the notice's new state, then publishes it
 * under its final name, which never replaces a file. An attempt stopped after the event is finished
 * by the next one without a second event (sealing again if its hidden copy is gone). A notice the
 * inbox cannot take stays pending and is retried; the hold is audited ({@code RECALL_NOTICE_HELD})
 * and logged once, not at every retry.
 */
public final class RecallNotices {
    /** The folder of every inbox the notices go to. */
    public static final String FOLDER = "recalls";
    private static final Logger HOLDS = OperatorLog.logger("hold");
    private static final Logger LOG = OperatorLog.logger("recall");

    private final StoredRecalls recalls;
    private final StoredRecallNotices notices;
    private final Supplier<PolicySet> policies;
    private final Endpoints endpoints;
    private final KeyProvider keys;
    private final CertificateCheck certificates;
    private final AuditLog audit;
    private final Clock clock;

    /** {@code certificates}: the check a delivery's recipient certificate passes (chain, validity, revocation). */
    public RecallNotices(Database database, Supplier<PolicySet> policies, Endpoints endpoints, KeyProvider keys,
                         CertificateCheck certificates, AuditLog audit, Clock clock) {
        this.recalls = new StoredRecalls(database);
        this.notices = new StoredRecallNotices(database);
        this.policies = policies;
        this.endpoints = endpoints;
        this.keys = keys;
        this.certificates = certificates;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Delivers the notices of a recall just issued; returns how many were delivered now. Never
     * throws: the recall is issued whatever becomes of its notices, which wait for the next run.
     */
    public synchronized int deliver(String recallId) {
        return attemptEach(() -> notices.of(recallId));
    }

    /** Delivers (or finishes publishing) every notice not delivered yet; returns how many were delivered now. */
    public synchronized int deliverPending() {
        return attemptEach(notices::unfinished);
    }

    private int attemptEach(Supplier<List<RecallNotice>> read) {
        List<RecallNotice> unfinished;
        try {
            unfinished = read.get();
        } catch (RuntimeException e) {
            HOLDS.warn("cannot read the recall notices to deliver: {}", e.getMessage());
            return 0;
        }
        int delivered = 0;
        for (RecallNotice notice : unfinished) {
            try {
                delivered += attempt(notice) ? 1 : 0;
            } catch (RuntimeException e) {
                // the store itself failed: the notice stays as it is and the next run tries again
                HOLDS.warn("cannot attempt the notice of recall {} to {}: {}", notice.recallId(), notice.holder(),
                        e.getMessage());
            }
        }
        return delivered;
    }

    /** One attempt at one notice; true when it is in the holder's inbox now. */
    private boolean attempt(RecallNotice notice) {
        Optional<Integer> claimed = notices.claim(notice);
        if (claimed.isEmpty()) {
            // delivered, or another attempt (another gateway node) works on it now
            return false;
        }
        try {
            if (notice.state() == RecallNotice.State.PENDING) {
                return deliverNew(notice, claimed.get());
            }
            return finishPublishing(notice, claimed.get());
        } catch (IOException | RuntimeException e) {
            held(notice, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return false;
        }
    }

    private boolean deliverNew(RecallNotice notice, int attempt) throws IOException {
        Recall recall = recall(notice);
        Agency holder = holder(notice);
        InboxFolder folder = folder(holder);
        String name = RecallNotice.fileName(recall.id());
        if (folder.exists(name)) {
            throw new IOException(FOLDER + "/" + name + " in " + folder.describe() + " is taken by another file,"
                    + " which is never replaced: the notice waits until it is moved away");
        }
        if (attempt > 1) {
            // what an earlier attempt stopped before recording may have left (nothing of it was published)
            folder.removeTemp(tag(recall.id(), attempt - 1));
        }
        seal(recall, holder, folder, attempt);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            audit.append(AuditEntry.builder(AuditEventType.RECALL_NOTICE_DELIVERED, "gateway")
                    .origin("inbox:" + holder.id()).object(recall.id()).outcome(Outcome.SUCCESS)
                    .provider(recall.issuer()).recipient(holder.id())
                    .change("notice of recall " + recall.id() + " delivered to " + holder.id() + " as " + FOLDER + "/"
                            + name + " (" + RecallNoticeDocument.of(recall, holder.id()).items().size() + " item(s))")
                    .build(), StoredRecallNotices.delivered(recall.id(), holder.id(), attempt, FOLDER + "/" + name, now));
        } catch (SafegateException e) {
            // not recorded: this attempt's copy must never be published (a later attempt's claim makes
            // the write fail; the log commits the other events of its batch without it)
            folder.removeTemp(tag(recall.id(), attempt));
            if (notices.of(recall.id()).stream().anyMatch(n -> n.holder().equals(holder.id())
                    && n.attempts() != attempt)) {
                return false; // a later attempt took over: it is not held
            }
            throw e;
        }
        publish(notice, folder, attempt, name);
        return true;
    }

    /** The delivery is recorded: publish the sealed copy, or find that the stopped attempt had. */
    private boolean finishPublishing(RecallNotice notice, int attempt) throws IOException {
        Agency holder = holder(notice);
        InboxFolder folder = folder(holder);
        String name = RecallNotice.fileName(notice.recallId());
        int sealed = notice.sealedAttempt().orElseThrow(() -> new IllegalStateException("the notice of recall "
                + notice.recallId() + " to " + notice.holder() + " is recorded as delivered without its sealed copy"));
        if (folder.hasTemp(tag(notice.recallId(), sealed))) {
            publish(notice, folder, sealed, name);
        } else if (folder.exists(name)) {
            // the stopped attempt published it (the hidden name goes only after that)
            published(notice, name);
        } else {
            // the hidden copy is gone and nothing was published: seal it again, under this attempt's name
            seal(recall(notice), holder, folder, attempt);
            if (!notices.resealed(notice, attempt)) {
                folder.removeTemp(tag(notice.recallId(), attempt));
                return false;
            }
            publish(notice, folder, attempt, name);
        }
        return true;
    }

    private void seal(Recall recall, Agency holder, InboxFolder folder, int attempt) throws IOException {
        X509Certificate certificate = certificate(holder);
        byte[] document = RecallNoticeDocument.of(recall, holder.id()).bytes();
        Sealer sealer = new Sealer(keys.gatewaySigning(), clock);
        folder.writeTemp(tag(recall.id(), attempt), out -> sealer.seal(new ByteArrayInputStream(document), out,
                certificate));
    }

    /** Published under the final name (never replacing a file), then the hidden name goes, then the store learns it. */
    private void publish(RecallNotice notice, InboxFolder folder, int sealed, String name) throws IOException {
        folder.publishTemp(tag(notice.recallId(), sealed), name);
        folder.removeTemp(tag(notice.recallId(), sealed));
        published(notice, name);
    }

    private void published(RecallNotice notice, String name) {
        notices.published(notice);
        OperatorLog.line("NOTICE-DELIVERED").with("recall", notice.recallId()).with("holder", notice.holder())
                .with("file", FOLDER + "/" + name).info(LOG);
    }

    /**
     * The hold begins: audited and logged once (with the start of the hold in the same transaction);
     * a retry that fails again only brings the reason up to date.
     */
    private void held(RecallNotice notice, String reason) {
        if (notice.heldSince().isPresent()) {
            notices.stillHeld(notice, reason);
            return;
        }
        String file = FOLDER + "/" + RecallNotice.fileName(notice.recallId());
        try {
            audit.append(AuditEntry.builder(AuditEventType.RECALL_NOTICE_HELD, "gateway")
                    .origin("inbox:" + notice.holder()).object(notice.recallId()).outcome(Outcome.FAILURE)
                    .provider(recalls.find(notice.recallId()).map(Recall::issuer).orElse(null))
                    .recipient(notice.holder()).change("notice of recall " + notice.recallId() + " to "
                            + notice.holder() + " (" + file + ") held, retried: " + reason).build(),
                    StoredRecallNotices.heldFrom(notice, clock.instant().truncatedTo(ChronoUnit.MILLIS), reason));
        } catch (RuntimeException e) {
            // best effort, as a transfer's hold: it is retried anyway, and recorded when the log can take it
            HOLDS.warn("the hold of the notice of recall {} to {} is not audited: {}", notice.recallId(),
                    notice.holder(), e.getMessage());
        }
        OperatorLog.line("HELD").with("notice", file).with("recall", notice.recallId())
                .with("holder", notice.holder()).with("reason", reason).warn(HOLDS);
    }

    private Recall recall(RecallNotice notice) {
        return recalls.find(notice.recallId()).orElseThrow(() -> new IllegalStateException("recall "
                + notice.recallId() + " of a notice is not in the store"));
    }

    private Agency holder(RecallNotice notice) {
        return policies.get().agency(notice.holder()).orElseThrow(() -> new SafegateException(ErrorCode.NOT_FOUND,
                notice.holder() + " is not an agency of the current policies: its notice waits until it is"
                        + " (its items stay open)"));
    }

    private InboxFolder folder(Agency holder) {
        return endpoints.inbox(holder.inbox()).child(FOLDER);
    }

    /** The holder's encryption certificate, when it passes the checks a delivery's recipient passes. */
    private X509Certificate certificate(Agency holder) {
        List<Reason> problems = certificates.check(holder, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (!problems.isEmpty()) {
            throw new SafegateException(ErrorCode.CERT_UNTRUSTED, "the notice cannot be sealed: "
                    + problems.stream().map(Reason::message).collect(Collectors.joining("; ")));
        }
        return keys.certificate(endpoints.reference(holder.certificate()));
    }

    /** The hidden name of one attempt's sealed copy: each attempt has its own, so two never write the same. */
    private static String tag(String recallId, int attempt) {
        return "recall-" + recallId + "." + attempt;
    }
}
