package org.safegate.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.safegate.admin.AdminServices;
import org.safegate.admin.TransferTimings;
import org.safegate.audit.AuditLog;
import org.safegate.audit.TreeHeadSigner;
import org.safegate.transfer.CheckpointDrops;
import org.safegate.audit.AuditStore;
import org.safegate.audit.JdbcAuditLog;
import org.safegate.config.Settings;
import org.safegate.keys.KeyProvider;
import org.safegate.operator.AgreementAccess;
import org.safegate.operator.ApiTokens;
import org.safegate.operator.GatewayTransferQueue;
import org.safegate.operator.SafeguardEvents;
import org.safegate.operator.TransferQueue;
import org.safegate.policy.PolicyHolder;
import org.safegate.policy.SafeguardGate;
import org.safegate.policy.load.PolicyLoader;
import org.safegate.policy.model.EndpointType;
import org.safegate.policy.model.PolicySet;
import org.safegate.route.OutboxWork;
import org.safegate.sftp.RemoteOutboxes;
import org.safegate.sftp.SftpFolders;
import org.safegate.store.Database;
import org.safegate.store.StoredRevocations;
import org.safegate.transfer.Endpoints;
import org.safegate.transfer.RecallNotices;
import org.safegate.transfer.TransferOutcome;
import org.safegate.transfer.TransferProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway's parts, as {@link GatewayWiring} put them together from the configuration:
 * store, keys, audit log, policies (reloaded on change, every load audited), the Shiro gate and the
 * transfer stages; the routes and the admin API reach them through here.
 */
public final class Gateway implements OutboxWork, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private final Database database;
    private final JdbcAuditLog auditLog;
    private final PolicyHolder policies;
    private final StoredRevocations revocations;
    private final TransferProcessor processor;
    private final Endpoints endpoints;
    private final SftpFolders sftp;
    private final RemoteOutboxes remoteOutboxes;
    private final AgreementAccess agreementAccess;
    private final SafeguardEvents safeguardEvents;
    private final TransferQueue transferQueue;
    private final Operations operations;

    /** What the admin API needs besides the parts above. */
    record Operations(KeyProvider keys, SafeguardGate gate, Path workingDir, Path policyFolder, Path data,
                              Clock clock, int lanes, ApiTokens apiTokens, TreeHeadSigner auditSigner,
                              CheckpointDrops checkpointDrops, UpcomingWarnings warnings, RunOutcomes outcomes,
                              StartFacts start, java.time.Period recallDue, RecallNotices recallNotices,
                              GatewayNode node) {
    }

    Gateway(Database database, JdbcAuditLog auditLog, PolicyHolder policies, StoredRevocations revocations,
                    TransferProcessor processor, Endpoints endpoints, SftpFolders sftp, RemoteOutboxes remoteOutboxes,
                    SafeguardEvents safeguardEvents, Operations operations) {
        this.database = database;
        this.auditLog = auditLog;
        this.policies = policies;
        this.revocations = revocations;
        this.processor = processor;
        this.endpoints = endpoints;
        this.sftp = sftp;
        this.remoteOutboxes = remoteOutboxes;
        this.agreementAccess = new AgreementAccess(policies, revocations, auditLog, operations.clock());
        this.safeguardEvents = safeguardEvents;
        this.transferQueue = new GatewayTransferQueue(processor.held(), operations.data().resolve("quarantine"),
                this::outboxes, this::takenFolders, auditLog, operations.clock());
        this.operations = operations;
    }

    /** Opens everything; fails (nothing started) when keys, store or policies are unusable. */
    public static Gateway open(Settings settings, Map<String, String> environment, Path workingDir, Clock clock) {
        return GatewayWiring.open(settings, environment, workingDir, clock);
    }

    public TransferProcessor processor() {
        return processor;
    }

    /** The data folder (safegate.data): the store, archive, quarantine and the private folder of taken files. */
    public Path dataFolder() {
        return operations.data();
    }

    /** How many files reached each outcome since the gateway was opened. */
    public RunOutcomes outcomes() {
        return operations.outcomes();
    }

    /** This gateway's row in the node registry: registered and beating while it runs (docs/operations.md). */
    public GatewayNode node() {
        return operations.node();
    }

    StartFacts startFacts() {
        return operations.start();
    }

    /** The clock every decision, event and receipt of this gateway is dated by. */
    public Clock clock() {
        return operations.clock();
    }

    /** How many files of one outbox may be in progress at once. */
    @Override
    public void reloadPoliciesIfChanged() {
        policies.reloadIfChanged();
    }

    @Override
    public Path privateFolder(String agency) throws IOException {
        return processor.taken().privateFolder(agency);
    }

    @Override
    public TransferOutcome process(String agency, Path root, Path file) {
        return processor.process(agency, root, file);
    }

    @Override
    public int lanesPerOutbox() {
        return operations.lanes();
    }

    public PolicyHolder policies() {
        return policies;
    }

    public StoredRevocations revocations() {
        return revocations;
    }

    /** Revoking and reinstating single agreements (the command line and the admin API). */
    public AgreementAccess agreementAccess() {
        return agreementAccess;
    }

    /** A security officer's safeguard events: validated, written atomically, reloaded, audited. */
    public SafeguardEvents safeguardEvents() {
        return safeguardEvents;
    }

    /** API tokens' expiry and revocation. */
    public ApiTokens apiTokens() {
        return operations.apiTokens();
    }

    /** Held and quarantined transfers, and their release by an administrator. */
    public TransferQueue transferQueue() {
        return transferQueue;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    public Database database() {
        return database;
    }

    /** Everything the admin API of the running gateway works with: a recall's notices are delivered once it is issued. */
    public AdminServices adminServices(TransferTimings timings) {
        return adminServices(timings, operations.recallNotices()::deliver);
    }

    /**
     * What a command working on the store works with (no gateway runs with its API): the notices of
     * a recall it issues are left pending, for the gateway to deliver when it runs.
     */
    public AdminServices adminServicesOnStore(TransferTimings timings) {
        return adminServices(timings, recall -> { });
    }

    private AdminServices adminServices(TransferTimings timings, java.util.function.Consumer<String> recallIssued) {
        return new AdminServices(policies, new PolicyLoader(operations.workingDir()), operations.policyFolder(),
                operations.gate(), revocations, auditLog, new AuditStore(database), operations.auditSigner(),
                database, operations.keys(), endpoints, () -> processor.held().current().size(), safeguardEvents(),
                transferQueue(), timings, operations.clock(), agreementAccess, operations.apiTokens(),
                operations.recallDue(), recallIssued, operations.node().id(), operations.node().registry());
    }

    /** The outbox folder of every agency of the current policy set: its own, or the spool of its SFTP outbox. */
    public Map<String, Path> outboxes() {
        Map<String, Path> outboxes = new java.util.TreeMap<>();
        outboxRoutes().forEach((agency, outbox) -> outboxes.put(agency, outbox.folder()));
        return outboxes;
    }

    /** The private folder each agency's files are taken into, for every agency with an outbox. */
    public Map<String, Path> takenFolders() {
        Map<String, Path> folders = new java.util.TreeMap<>();
        outboxRoutes().keySet().forEach(agency -> folders.put(agency, processor.taken().root(agency)));
        return folders;
    }

    /** Finishes sealings whose file left its outbox while the gateway was stopped; run before polling. */
    public int sweepWithdrawn() {
        return processor.sweepWithdrawn(outboxes());
    }

    @Override
    public Map<String, OutboxWork.Outbox> outboxRoutes() {
        Map<String, OutboxWork.Outbox> outboxes = new java.util.TreeMap<>();
        PolicySet set = policies.get();
        set.agencies().forEach(agency -> {
            boolean sftp = agency.outbox().type() == EndpointType.SFTP;
            outboxes.put(agency.id(), new OutboxWork.Outbox(sftp ? remoteOutboxes.spool(agency.id())
                    : endpoints.folder(agency.outbox()), sftp));
        });
        return outboxes;
    }

    /** Takes what is ready from the agency's SFTP outbox into its spool (see {@link RemoteOutboxes#pickUp}). */
    @Override
    public void dropCheckpoints() {
        operations.checkpointDrops().dropIfDue();
    }

    /** Delivers the recall notices not delivered yet (held ones are retried), see docs/recall.md. */
    @Override
    public void deliverRecallNotices() {
        operations.recallNotices().deliverPending();
    }

    @Override
    public void warnUpcoming() {
        operations.warnings().warnIfNewDay();
    }

    @Override
    public void pickUp(String agency) {
        policies.get().agency(agency).filter(a -> a.outbox().type() == EndpointType.SFTP)
                .ifPresent(a -> remoteOutboxes.pickUp(agency, a.outbox(), processor.held()));
    }

    /** Files seen in SFTP outboxes and not taken yet. */
    public int remoteFilesWaiting() {
        return remoteOutboxes.waiting();
    }

    @Override
    public void close() {
        try {
            processor.finishWaiting();
        } catch (RuntimeException e) {
            // harmless: each such transfer is known finished by its archived original
            LOG.warn("finished transfers not journaled DONE: {}", e.getMessage());
        }
        sftp.close();
        auditLog.close();
        database.close();
    }
}
