package org.safegate.operator;

import java.nio.file.Path;
import java.util.Optional;
import org.safegate.transfer.OutboxLayout;
import org.safegate.transfer.Quarantine;
import org.safegate.transfer.RefusalCode;

/**
 * Quarantined originals that a release cannot help: putting the file back where it lay, as it is,
 * would only quarantine it again, because what was wrong is its place or its content, which the
 * release keeps. Such a release is refused (nothing is moved), saying what to do instead. Reasons a
 * change elsewhere can lift (a policy, a certificate, a setting) do not stop a release.
 */
final class ReleaseRefusals {
    private ReleaseRefusals() {
    }

    /** Why releasing the file would be in vain, and what to do instead; empty when a release may help. */
    static Optional<String> why(QuarantinedFile file) {
        String original = Path.of("quarantine", file.id(), Quarantine.ORIGINAL).toString();
        String again = "transfer " + file.id() + " was quarantined " + file.reasons() + "; released, it would be"
                + " quarantined again, so nothing was moved: ";
        if (file.codes().contains(RefusalCode.MISPLACED.name()) && misplaced(file.source())) {
            return Optional.of(again + "put a copy of " + original + " in " + file.sender()
                    + "'s outbox as <agreement-id>/<name>, under the agreement it belongs to");
        }
        if (file.codes().contains(RefusalCode.EMPTY_FILE.name())) {
            return Optional.of(again + "the sender must send the file again with its content");
        }
        if (file.codes().contains(RefusalCode.INPUT_MALFORMED.name())) {
            return Optional.of(again + "the sender must send a readable file again (" + original
                    + " is kept for inspection)");
        }
        if (file.codes().contains(RefusalCode.CERTIFICATE_UNSIGNED.name())
                || file.codes().contains(RefusalCode.CERTIFICATE_MALFORMED.name())) {
            return Optional.of(again + "the holder must sign a well-formed certificate of disposal and send it again");
        }
        if (file.codes().contains(RefusalCode.SIGNER_ALGORITHM_REFUSED.name())) {
            return Optional.of(again + "the sender must sign the file again with an algorithm Safegate accepts");
        }
        return Optional.empty();
    }

    /** Whether the place itself is wrong (not {@code <agreement>/<name>} nor a request's place), not only the policy. */
    private static boolean misplaced(String source) {
        Path relative = Path.of(source).normalize();
        return relative.getNameCount() != 2 && !OutboxLayout.isRequest(relative);
    }
}
