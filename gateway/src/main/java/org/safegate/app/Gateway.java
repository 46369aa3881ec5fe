package org.safegate.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.safegate.admin.AdminServices;
import org.safegate.admin.TransferTimings;
import org.safegate.audit.AuditKeys;
import org.safegate.audit.AuditLog;
import org.safegate.audit.AuditSettings;
import org.safegate.audit.TreeHeadSigner;
import org.safegate.transfer.CheckpointDrops;
import org.safegate.audit.AuditStore;
import org.safegate.audit.JdbcAuditLog;
import org.safegate.config.ApiSettings;
import org.safegate.config.GatewayConfig;
import org.safegate.config.Settings;
import org.safegate.crypto.CertificateVerifier;
import org.safegate.crypto.DetachedSignature;
import org.safegate.keys.KeyProvider;
import org.safegate.keys.KeyProviders;
import org.safegate.operator.AgreementAccess;
import org.safegate.operator.ApiTokens;
import org.safegate.operator.FileSafeguardEvents;
import org.safegate.operator.GatewayTransferQueue;
import org.safegate.operator.SafeguardEvents;
import org.safegate.operator.TransferQueue;
import org.safegate.policy.PolicyHolder;
import org.safegate.policy.SafeguardGate;
import org.safegate.policy.SafeguardSettings;
import org.safegate.policy.UpcomingChanges;
import org.safegate.policy.load.PolicyLoader;
import org.safegate.policy.model.EndpointType;
import org.safegate.policy.model.PolicySet;
import org.safegate.route.OutboxWork;
import org.safegate.sftp.RemoteOutboxes;
import org.safegate.sftp.SftpFolders;
import org.safegate.store.Database;
import org.safegate.store.DatabaseSettings;
import org.safegate.store.DeliveredPayloads;
import org.safegate.store.StoredApiTokens;
import org.safegate.store.StoredRevocations;
import org.safegate.store.TransferJournal;
import org.safegate.transfer.Delivery;
import org.safegate.transfer.Endpoints;
import org.safegate.transfer.HeldFiles;
import org.safegate.transfer.OutboxLayout;
import org.safegate.transfer.Quarantine;
import org.safegate.transfer.ReceiptWriter;
import org.safegate.transfer.Refusals;
import org.safegate.transfer.RequestExchange;
import org.safegate.transfer.RequestFiles;
import org.safegate.transfer.RequestForward;
import org.safegate.transfer.TakenFiles;
import org.safegate.transfer.TransferOutcome;
import org.safegate.transfer.TransferProcessor;
import org.safegate.transfer.TransferRecorder;
import org.safegate.transfer.VerifiedCertificateCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the gateway is wired together from its configuration: store, keys, audit log,
 * policies (reloaded on change, every load audited), the Shiro gate and the transfer stages.
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
    private record Operations(KeyProvider keys, SafeguardGate gate, Path workingDir, Path policyFolder, Path data,
                              Clock clock, int lanes, ApiTokens apiTokens, TreeHeadSigner auditSigner,
                              CheckpointDrops checkpointDrops, UpcomingWarnings warnings, RunOutcomes outcomes,
                              StartFacts start) {
    }

    private Gateway(Database database, JdbcAuditLog auditLog, PolicyHolder policies, StoredRevocations revocations,
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
        GatewayConfig config = GatewayConfig.from(settings);
        KeyProvider keys = KeyProviders.fromSpec(config.requireKeys(), workingDir, settings, environment);
        if (KeyProvider.isInsecure(keys)) {
            LOG.warn("USING THE INSECURE EXAMPLE KEYS: for demos and tests only, never for real data");
        }
        PrivateFolders.checkKeyFolder(config.requireKeys(), workingDir);
        Path data = workingDir.resolve(config.data());
        PrivateFolders.prepareData(data);
        // the embedded store lives under the data folder of this working directory, like everything else
        DatabaseSettings store = config.database().isPresent()
                ? DatabaseSettings.from(config, environment) : DatabaseSettings.embedded(data);
        Database database = Database.open(store);
        SftpFolders sftp = new SftpFolders(keys, workingDir, environment);
        try {
            AuditSettings auditSettings = AuditSettings.from(settings);
            TreeHeadSigner auditSigner = AuditKeys.from(keys, settings, environment).treeSigner(auditSettings.origin());
            JdbcAuditLog auditLog = new JdbcAuditLog(database, auditSigner, auditSettings, clock);
            ApiTokens apiTokens = new ApiTokens(new StoredApiTokens(database), auditLog, clock,
                    ApiSettings.tokenLifetime(settings));
            PolicyHolder policies = new PolicyHolder(new PolicyLoader(workingDir), workingDir.resolve(config.policies()),
                    new AuditedReloads(auditLog, apiTokens));
            StoredRevocations revocations = new StoredRevocations(database);
            Endpoints endpoints = new Endpoints(workingDir, sftp);
            // trust material is read for every check: a new CRL releases what a stale one held
            CertificateVerifier verifier = new CertificateVerifier(keys::trust, certificate -> false,
                    RevocationSettings.anchorsWithoutCrl(settings, keys));
            SafeguardGate gate = SafeguardGate.create(policies, SafeguardSettings.DEFAULTS, revocations,
                    new VerifiedCertificateCheck(keys, verifier, endpoints));
            // every outcome is recorded through it: one operator line each, counted for the summary
            RunOutcomes outcomes = new RunOutcomes();
            AuditLog outcomeLog = new TransferOutcomeLog(auditLog, outcomes);
            DetachedSignature signature = new DetachedSignature(keys.gatewaySigning(), clock);
            TransferRecorder recorder = new TransferRecorder(outcomeLog, new AuditStore(database),
                    new ReceiptWriter(signature::sign));
            DeliveredPayloads payloads = new DeliveredPayloads(database);
            long maxBytes = OutboxSettings.maxFileBytes(settings);
            TransferJournal journal = new TransferJournal(database, clock);
            Refusals refusals = new Refusals(new Quarantine(data), recorder, endpoints, journal);
            RequestExchange exchange = RequestSettings.exchange(settings, database, keys, endpoints, data, clock);
            RequestFiles requests = new RequestFiles(exchange, new RequestForward(exchange, journal, outcomeLog, endpoints),
                    refusals, recorder, endpoints, revocations, journal, data);
            TransferProcessor processor = new TransferProcessor(policies, gate, new OutboxLayout(maxBytes), keys,
                    verifier, endpoints, journal, payloads, new Delivery(keys, journal, recorder, data, clock),
                    refusals, requests, recorder, new HeldFiles(clock), new TakenFiles(data), clock);
            SafeguardEvents safeguardEvents = new FileSafeguardEvents(new PolicyLoader(workingDir),
                    workingDir.resolve(config.policies()), data, policies, policies::reload, auditLog, clock);
            return new Gateway(database, auditLog, policies, revocations, processor, endpoints, sftp,
                    sftp.outboxes(data, new AuditedRemoteNames(auditLog)), safeguardEvents, new Operations(keys, gate,
                    workingDir, workingDir.resolve(config.policies()), data, clock, OutboxSettings.lanes(settings), apiTokens,
                    auditSigner, new CheckpointDrops(new AuditStore(database), endpoints, policies::get,
                    auditSettings.inboxCheckpoints(), clock, data), new UpcomingWarnings(
                    UpcomingChanges.forKeyStore(keys), policies::get, clock, WarningSettings.within(settings)), outcomes,
                    new StartFacts(settings.origin(),
                    workingDir.resolve(config.policies()), config.requireKeys(), store.place())));
        } catch (RuntimeException e) {
            sftp.close();
            database.close();
            throw e;
        }
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

    /** Everything the admin API works with. */
    public AdminServices adminServices(TransferTimings timings) {
        return new AdminServices(policies, new PolicyLoader(operations.workingDir()), operations.policyFolder(),
                operations.gate(), revocations, auditLog, new AuditStore(database), operations.auditSigner(),
                database, operations.keys(), endpoints, () -> processor.held().current().size(), safeguardEvents(),
                transferQueue(), timings, operations.clock(), agreementAccess, operations.apiTokens());
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
