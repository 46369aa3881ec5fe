package org.safegate.admin;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.IntSupplier;
import org.safegate.audit.TreeHeadSigner;
import org.safegate.audit.AuditLog;
import org.safegate.audit.AuditStore;
import org.safegate.keys.KeyProvider;
import org.safegate.operator.AgreementAccess;
import org.safegate.operator.ApiTokens;
import org.safegate.operator.SafeguardEvents;
import org.safegate.operator.TransferQueue;
import org.safegate.policy.PolicyHolder;
import org.safegate.policy.Revocations;
import org.safegate.policy.SafeguardGate;
import org.safegate.policy.load.PolicyLoader;
import org.safegate.store.Database;
import org.safegate.transfer.Endpoints;

/**
 * What the admin API works with, handed over by the one place the gateway is wired.
 *
 * @param policyFolder the folder {@code policies} reloads from (validated with {@code loader} first)
 * @param heldFiles    how many files are held for retry now
 * @param apiTokens    API tokens' expiry and revocation
 * @param recallDue    how long a recall's holders have to dispose when the recall names no due date
 * @param recallIssued what follows the issue of a recall (by its id): the running gateway delivers its
 *                     notices to the holders at once; a command on the store leaves them pending
 * @param node         this gateway's node id ({@code safegate.node.id})
 * @param nodes        the node registry of the store: every gateway that ran on it
 */
public record AdminServices(PolicyHolder policies, PolicyLoader loader, Path policyFolder, SafeguardGate gate,
                            Revocations revocations, AuditLog audit, AuditStore auditStore, TreeHeadSigner auditSigner,
                            Database database, KeyProvider keys, Endpoints endpoints, IntSupplier heldFiles,
                            SafeguardEvents safeguardEvents, TransferQueue transferQueue, TransferTimings timings,
                            Clock clock, AgreementAccess agreementAccess, ApiTokens apiTokens,
                            java.time.Period recallDue, java.util.function.Consumer<String> recallIssued,
                            String node, org.safegate.store.GatewayNodes nodes) {
}
