package org.safegate.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.safegate.policy.model.Agreement;
import org.safegate.policy.model.PolicySet;

/**
 * Reads a file's place in an outbox: which agreement it is sent under and under which name. A file
 * anywhere else, or one that is not a plain non-empty file within the size limit, is refused (and
 * will be quarantined, never ignored).
 */
public final class OutboxLayout {
    static final String REQUESTS = "requests";
    /**
     * The outbox folder of certificates of disposal, {@code recalls/<recall-id>.json}: a reserved
     * name, which no agreement may have (the policy loader refuses it).
     */
    public static final String RECALLS = "recalls";

    private final long maxBytes;

    public OutboxLayout(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The entry, or the refusal that sends the file to quarantine. */
    public Either<Refusal, OutboxEntry> identify(String sender, Path outbox, Path file, PolicySet policies) {
        Path relative = outbox.relativize(file);
        String name = relative.getFileName().toString();
        var nameProblem = FileNames.problem(name).or(() -> FileCategory.problem(name));
        if (nameProblem.isPresent()) {
            return Either.left(new Refusal(RefusalCode.NAME_UNSAFE,
                    "'" + FileNames.printable(name) + "': " + nameProblem.get()));
        }
        boolean request = isRequest(relative);
        if (relative.getNameCount() != 2 && !request) {
            return Either.left(new Refusal(RefusalCode.MISPLACED, "'" + FileNames.printable(relative.toString())
                    + "' is not in " + sender + "'s outbox as <agreement-id>/<name>"));
        }
        String agreementId = relative.getName(0).toString();
        Agreement agreement = policies.agreement(agreementId).orElse(null);
        if (agreement == null || !involves(agreement, sender)) {
            return Either.left(new Refusal(RefusalCode.AGREEMENT_UNKNOWN, "'" + FileNames.printable(agreementId)
                    + "' is not an agreement of " + sender));
        }
        if (request && agreement.requestRules().isEmpty()) {
            return Either.left(new Refusal(RefusalCode.MISPLACED, "agreement " + agreementId
                    + " has no request rules, so it takes no request files"));
        }
        return checkFile(file, name).<Either<Refusal, OutboxEntry>>map(Either::left)
                .orElseGet(() -> Either.right(new OutboxEntry(sender, agreementId, name, request, file)));
    }

    /** Whether the path, relative to its outbox, is where request files go: {@code <agreement>/requests/<name>}. */
    public static boolean isRequest(Path relative) {
        return relative.getNameCount() == 3 && relative.getName(1).toString().equals(REQUESTS);
    }

    /** Whether the path, relative to its outbox, lies in the folder of certificates of disposal, at any depth. */
    public static boolean isCertificate(Path relative) {
        return relative.getNameCount() >= 2 && relative.getName(0).toString().equals(RECALLS);
    }

    private static boolean involves(Agreement agreement, String sender) {
        return agreement.provider().equals(sender) || agreement.recipient().equals(sender);
    }

    /** Why the file cannot be taken as a plain, non-empty file within the size limit; empty when it can. */
    Optional<Refusal> checkFile(Path file, String name) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                // the processor refuses links before asking; this stays so the layout alone never passes one
                return Optional.of(new Refusal(RefusalCode.LINK_REFUSED, "'" + name + "' is a symbolic link"));
            }
            if (!attributes.isRegularFile()) {
                return Optional.of(new Refusal(RefusalCode.NOT_A_REGULAR_FILE,
                        "'" + name + "' is a special file (a pipe or device), not a regular file"));
            }
            if (attributes.size() == 0) {
                return Optional.of(new Refusal(RefusalCode.EMPTY_FILE, "'" + name + "' is empty"));
            }
            if (attributes.size() > maxBytes) {
                return Optional.of(new Refusal(RefusalCode.TOO_LARGE, "'" + name + "' is "
                        + attributes.size() + " bytes; the limit is " + maxBytes));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(new Refusal(RefusalCode.NOT_A_REGULAR_FILE,
                    "'" + name + "' cannot be read: " + e.getMessage()));
        }
    }
}
