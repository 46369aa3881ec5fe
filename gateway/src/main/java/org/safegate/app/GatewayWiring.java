package org.safegate.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.safegate.audit.AuditKeys;
import org.safegate.audit.AuditLog;
import org.safegate.audit.AuditSettings;
import org.safegate.audit.TreeHeadSigner;
import org.safegate.transfer.CheckpointDrops;
import org.safegate.audit.AuditStore;
import org.safegate.audit.JdbcAuditLog;
import org.safegate.config.ApiSettings;
import org.safegate.config.GatewayConfig;
import org.safegate.config.NodeSettings;
import org.safegate.config.Settings;
import org.safegate.crypto.CertificateVerifier;
import org.safegate.crypto.DetachedSignature;
import org.safegate.keys.KeyProvider;
import org.safegate.keys.KeyProviders;
import org.safegate.operator.ApiTokens;
import org.safegate.operator.FileSafeguardEvents;
import org.safegate.operator.SafeguardEvents;
import org.safegate.policy.PolicyHolder;
import org.safegate.policy.RecallObligations;
import org.safegate.policy.SafeguardGate;
import org.safegate.policy.SafeguardSettings;
import org.safegate.policy.UpcomingChanges;
import org.safegate.policy.load.PolicyLoader;
import org.safegate.recall.StoredRecallObligations;
import org.safegate.sftp.SftpFolders;
import org.safegate.store.Database;
import org.safegate.store.DatabaseSettings;
import org.safegate.store.DeliveredPayloads;
import org.safegate.store.GatewayNodes;
import org.safegate.store.StoredApiTokens;
import org.safegate.store.StoredRevocations;
import org.safegate.store.TransferJournal;
import org.safegate.transfer.Delivery;
import org.safegate.transfer.Endpoints;
import org.safegate.transfer.HeldFiles;
import org.safegate.transfer.OutboxLayout;
import org.safegate.transfer.Quarantine;
import org.safegate.transfer.RecallNotices;
import org.safegate.transfer.ReceiptWriter;
import org.safegate.transfer.Refusals;
import org.safegate.transfer.RequestExchange;
import org.safegate.transfer.RequestFiles;
import org.safegate.transfer.RequestForward;
import org.safegate.transfer.TakenFiles;
import org.safegate.transfer.TransferProcessor;
import org.safegate.transfer.TransferRecorder;
import org.safegate.transfer.VerifiedCertificateCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the gateway is wired together from its configuration: store, keys, audit log,
 * policies (reloaded on change, every load audited), the Shiro gate and the transfer stages.
 */
final class GatewayWiring {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private GatewayWiring() {
    }

    /** Opens everything; fails (nothing started) when keys, store or policies are unusable. */
    static Gateway open(Settings settings, Map<String, String> environment, Path workingDir, Clock clock) {
        GatewayConfig config = GatewayConfig.from(settings);
        // checked before anything is opened: a bad node id stops the start, naming the key
        NodeSettings node = NodeSettings.from(settings);
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
            PolicyVersions policyVersions = new PolicyVersions(new AuditedReloads(auditLog, apiTokens));
            PolicyHolder policies = new PolicyHolder(new PolicyLoader(workingDir), workingDir.resolve(config.policies()),
                    policyVersions);
            StoredRevocations revocations = new StoredRevocations(database);
            Endpoints endpoints = new Endpoints(workingDir, sftp);
            // trust material is read for every check: a new CRL releases what a stale one held
            CertificateVerifier verifier = new CertificateVerifier(keys::trust, certificate -> false,
                    RevocationSettings.anchorsWithoutCrl(settings, keys));
            // what holders still owe under recalls, read at every decision like the revocations
            RecallObligations recalls = new StoredRecallObligations(database);
            VerifiedCertificateCheck certificates = new VerifiedCertificateCheck(keys, verifier, endpoints);
            SafeguardGate gate = SafeguardGate.create(policies, SafeguardSettings.DEFAULTS, revocations, recalls,
                    certificates);
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
                    verifier, endpoints, journal, payloads, new org.safegate.recall.RecalledPayloads(database),
                    new org.safegate.recall.DisposalCertifications(database), new Delivery(keys, journal, recorder, data, clock),
                    refusals, requests, recorder, new HeldFiles(clock), new TakenFiles(data), clock);
            SafeguardEvents safeguardEvents = new FileSafeguardEvents(new PolicyLoader(workingDir),
                    workingDir.resolve(config.policies()), data, policies, policies::reload, auditLog, clock);
            return new Gateway(database, auditLog, policies, revocations, processor, endpoints, sftp,
                    sftp.outboxes(data, new AuditedRemoteNames(auditLog)), safeguardEvents, new Gateway.Operations(keys, gate,
                    workingDir, workingDir.resolve(config.policies()), data, clock, OutboxSettings.lanes(settings), apiTokens,
                    auditSigner, new CheckpointDrops(new AuditStore(database), endpoints, policies::get,
                    auditSettings.inboxCheckpoints(), clock, data), new UpcomingWarnings(
                    UpcomingChanges.forKeyStore(keys, recalls), policies::get, clock, WarningSettings.within(settings)), outcomes,
                    new StartFacts(settings.origin(),
                    workingDir.resolve(config.policies()), config.requireKeys(), store.place()),
                    org.safegate.config.RecallSettings.defaultDue(settings), new RecallNotices(database, policies::get,
                    endpoints, keys, certificates, auditLog, clock), new GatewayNode(node, new GatewayNodes(database), clock,
                    policyVersions::current, journal::inFlightCount)));
        } catch (RuntimeException e) {
            sftp.close();
            database.close();
            throw e;
        }
    }
}
