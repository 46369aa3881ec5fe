package org.safegate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.safegate.policy.load.PolicyLoader;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.EndpointType;
import org.safegate.policy.model.PolicySet;
import org.safegate.transfer.Endpoints;

/**
 * The witnesses {@code audit verify} can reach by itself: the receipts and checkpoint files in the
 * inboxes of the configured agencies that are folders on this machine. Someone able to change the
 * database is not always able to change every agency's inbox; checking against them by default
 * catches a store restored from an older backup without anyone having to ask an agency first.
 */
final class InboxWitnesses {

    private InboxWitnesses() {
    }

    /** The {@code receipts} and {@code checkpoints} folders of every local inbox; none when the policies do not load. */
    static List<Path> folders(Path workingDir, Path policyFolder) {
        Optional<PolicySet> policies = Files.isDirectory(policyFolder)
                ? new PolicyLoader(workingDir).load(policyFolder).policySet() : Optional.empty();
        List<Path> folders = new ArrayList<>();
        Endpoints endpoints = new Endpoints(workingDir);
        for (Agency agency : policies.map(PolicySet::agencies).orElse(List.of())) {
            if (agency.inbox().type() == EndpointType.FILE) {
                Path inbox = endpoints.folder(agency.inbox());
                for (String kind : List.of("checkpoints", "receipts")) {
                    if (Files.isDirectory(inbox.resolve(kind))) {
                        folders.add(inbox.resolve(kind));
                    }
                }
            }
        }
        return folders;
    }
}
