package org.safegate.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.crypto.SignedInput;
import org.safegate.policy.model.Agency;
import org.safegate.recall.CertificationEvents;
import org.safegate.recall.DisposalCertification;
import org.safegate.recall.DisposalCertifications;
import org.safegate.recall.Recall;
import org.safegate.transfer.TransferPipeline.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Certificates of disposal: a holder drops {@code <outbox>/recalls/<recall-id>.json}, CMS-signed
 * with its registered signing certificate. The signature is checked as any signed input's
 * ({@link SenderCheck}), the JSON read strictly ({@link CertificateDocument}), its items checked
 * against the recall ({@link CertificateChecks}); then the certification's rows, its items' move to
 * certified and one {@code DISPOSAL_CERTIFIED} event per item are recorded in one transaction, the
 * holder receipted ({@code certified}) and the file archived like a delivered original. Anything
 * wrong quarantines the file with its reason and a receipt ({@link Refusals}).
 *
 * <p>Exactly once: the certificate is known by the SHA-256 of its file. The same file found again
 * with its certificate recorded but not archived is what a stopped run left: its receipt and
 * archiving are finished, never decided again. Found again once archived, it is a replay.
 */
final class DisposalCertificates implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger(DisposalCertificates.class);
    private static final String SUFFIX = ".json";

    /** The steps of an accepted certificate, in order; each is durable before the next begins. */
    enum Done { RECORDED, RECEIPTED, ARCHIVED }

    private final OutboxLayout layout;
    private final SenderCheck senderCheck;
    private final DisposalCertifications certifications;
    private final TransferRecorder recorder;
    private final Endpoints endpoints;
    private final Archive archive;
    private final Consumer<Done> afterStep;

    DisposalCertificates(OutboxLayout layout, SenderCheck senderCheck, DisposalCertifications certifications,
                         TransferRecorder recorder, Endpoints endpoints, Archive archive, Consumer<Done> afterStep) {
        this.layout = layout;
        this.senderCheck = senderCheck;
        this.certifications = certifications;
        this.recorder = recorder;
        this.endpoints = endpoints;
        this.archive = archive;
        this.afterStep = afterStep;
    }

    /** A certificate is taken to its outcome here; any other file goes on to the next stage. */
    @Override
    public Step run(TransferAttempt a) throws IOException {
        Path relative = Path.of(a.source);
        if (!OutboxLayout.isCertificate(relative)) {
            return Step.NEXT;
        }
        String name = relative.getFileName().toString();
        Optional<Refusal> misplaced = placeProblem(a.sender, relative, name)
                .or(() -> layout.checkFile(a.file, name)).or(() -> sizeProblem(a.size));
        if (misplaced.isPresent()) {
            return new Step.Quarantine(misplaced.get());
        }
        String sha256 = Digests.sha256(a.file);
        Optional<DisposalCertification> recorded = certifications.bySha256(sha256);
        if (recorded.isPresent()) {
            DisposalCertification earlier = recorded.get();
            if (earlier.holder().equals(a.sender) && !archive.has(earlier.certificateId())) {
                LOG.info("finishing certificate of disposal {} of {} (recall {})", earlier.certificateId(),
                        a.sender, earlier.recallId());
                return finish(a, earlier);
            }
            return new Step.Quarantine(new Refusal(RefusalCode.CERTIFICATE_REPLAYED, "this certificate (SHA-256 "
                    + sha256 + ") was recorded already, on " + earlier.recordedAt() + ", as certificate "
                    + earlier.certificateId()));
        }
        return decide(a, name.substring(0, name.length() - SUFFIX.length()), sha256);
    }

    private Step decide(TransferAttempt a, String namedRecall, String sha256) throws IOException {
        if (!SignedInput.looksSigned(a.file)) {
            return new Step.Quarantine(new Refusal(RefusalCode.CERTIFICATE_UNSIGNED, "the certificate is not"
                    + " CMS-signed: sign it with " + a.sender + "'s registered signing certificate (openssl cms -sign"
                    + " -nodetach -binary -outform DER)"));
        }
        Agency from = a.policies.agency(a.sender).orElseThrow();
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        Either<Refusal, Optional<SignedInput.Verified>> signed = senderCheck.check(from, a.file, a.now, content);
        if (signed instanceof Either.Left<Refusal, Optional<SignedInput.Verified>> refused) {
            return new Step.Quarantine(refused.value());
        }
        SignedInput.Verified verified = ((Either.Right<Refusal, Optional<SignedInput.Verified>>) signed).value()
                .orElseThrow();
        if (!verified.fileSha256().equals(sha256)) {
            throw new SafegateException(ErrorCode.CONTENT_CHANGED, ErrorCode.CONTENT_CHANGED + ": the certificate "
                    + "changed while it was checked; it is held and checked again from its new content");
        }
        Either<Refusal, CertificateDocument> read = CertificateDocument.read(content.toByteArray());
        if (read instanceof Either.Left<Refusal, CertificateDocument> malformed) {
            return new Step.Quarantine(malformed.value());
        }
        CertificateDocument certificate = ((Either.Right<Refusal, CertificateDocument>) read).value();
        if (!certificate.recall().equals(namedRecall)) {
            return new Step.Quarantine(new Refusal(RefusalCode.CERTIFICATE_MALFORMED, "member 'recall' ("
                    + certificate.recall() + ") is not the recall the file is named for (" + namedRecall + ")"));
        }
        Optional<Recall> recall = certifications.recall(certificate.recall());
        if (recall.isEmpty()) {
            return new Step.Quarantine(new Refusal(RefusalCode.RECALL_UNKNOWN, "recall " + certificate.recall()
                    + " is not known to the gateway"));
        }
        Optional<Refusal> unfit = CertificateChecks.problem(certificate, recall.get(), a.sender,
                LocalDate.ofInstant(a.now, ZoneOffset.UTC));
        if (unfit.isPresent()) {
            return new Step.Quarantine(unfit.get());
        }
        return record(a, recall.get(), certificate, sha256);
    }

    private Step record(TransferAttempt a, Recall recall, CertificateDocument certificate, String sha256)
            throws IOException {
        // by transfer: a resumed run proves the same last item's event as the first run
        List<DisposalCertification.Item> items = certificate.items().stream()
                .sorted(Comparator.comparing(DisposalCertification.Item::transfer)).toList();
        DisposalCertification certification = new DisposalCertification(UUID.randomUUID().toString(), recall.id(),
                a.sender, recall.issuer(), items, certificate.certifiedBy(), sha256,
                a.now.truncatedTo(ChronoUnit.MILLIS));
        recorder.certified(certification.certificateId(),
                CertificationEvents.of(certification, recall, "outbox:" + a.sender),
                DisposalCertifications.recording(certification));
        afterStep.accept(Done.RECORDED);
        LOG.info("certificate of disposal {} of {}: {} item(s) of recall {} certified", certification.certificateId(),
                a.sender, items.size(), recall.id());
        return finish(a, certification);
    }

    /** The receipt, then the original into the archive: both find what a stopped run did of them. */
    private Step finish(TransferAttempt a, DisposalCertification c) throws IOException {
        Agency from = a.policies.agency(a.sender).orElseThrow();
        Transfer received = new Transfer(c.certificateId(), a.sender, c.issuer(), "", OutboxLayout.RECALLS, "", "",
                a.file.getFileName().toString(), c.certificateSha256(), a.size, Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty());
        recorder.certificateReceipt(endpoints.inbox(from.inbox()), received, c.recordedAt(),
                c.items().get(c.items().size() - 1).transfer());
        afterStep.accept(Done.RECEIPTED);
        archive.keep(a.file, c.certificateId());
        afterStep.accept(Done.ARCHIVED);
        return Step.ended(TransferOutcome.CERTIFIED);
    }

    /** {@code recalls/<recall-id>.json}, directly in the folder, under a safe name. */
    private static Optional<Refusal> placeProblem(String sender, Path relative, String name) {
        Optional<String> unsafe = FileNames.problem(name);
        if (unsafe.isPresent()) {
            return Optional.of(new Refusal(RefusalCode.NAME_UNSAFE, "'" + FileNames.printable(name) + "': "
                    + unsafe.get()));
        }
        if (relative.getNameCount() != 2 || !name.endsWith(SUFFIX) || name.length() == SUFFIX.length()) {
            return Optional.of(new Refusal(RefusalCode.MISPLACED, "'" + FileNames.printable(relative.toString())
                    + "' is not in " + sender + "'s outbox as " + OutboxLayout.RECALLS + "/<recall-id>" + SUFFIX));
        }
        return Optional.empty();
    }

    private static Optional<Refusal> sizeProblem(long size) {
        return size > CertificateDocument.MAX_BYTES ? Optional.of(new Refusal(RefusalCode.CERTIFICATE_MALFORMED,
                "the certificate is " + size + " bytes; a certificate of disposal is at most "
                        + CertificateDocument.MAX_BYTES)) : Optional.empty();
    }
}
