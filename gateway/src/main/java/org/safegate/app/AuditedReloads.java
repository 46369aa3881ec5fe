package org.safegate.app;

import java.nio.file.Path;
import java.util.List;
import org.safegate.OperatorLog;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditLog;
import org.safegate.audit.Outcome;
import org.safegate.operator.ApiTokens;
import org.safegate.policy.PolicyHolder;
import org.safegate.policy.load.PolicyProblem;
import org.safegate.policy.model.PolicySet;
import org.slf4j.Logger;

/** Every policy load and rejection goes into the audit log, and into the operator's log with its first error. */
record AuditedReloads(AuditLog audit, ApiTokens apiTokens) implements PolicyHolder.Listener {
    private static final Logger LOG = OperatorLog.logger("policy");

    @Override
    public void loaded(Path folder, PolicySet set) {
        audit.append(AuditEntry.builder(AuditEventType.POLICY_LOADED, "gateway").origin("policy folder")
                .object(folder.toString()).change(set.agencies().size() + " agencies, " + set.agreements().size()
                        + " agreements").build());
        apiTokens.register(set);
        OperatorLog.line("POLICY-LOADED").with("folder", folder).with("agencies", set.agencies().size())
                .with("agreements", set.agreements().size()).info(LOG);
    }

    @Override
    public void rejected(Path folder, List<PolicyProblem> errors) {
        audit.append(AuditEntry.builder(AuditEventType.POLICY_REJECTED, "gateway").origin("policy folder")
                .object(folder.toString()).outcome(Outcome.FAILURE)
                .change(errors.size() + " error(s); first: " + errors.get(0)).build());
        OperatorLog.line("POLICY-REJECTED").with("folder", folder).with("errors", errors.size())
                .with("first", errors.get(0)).with("running", "the previous policy set").warn(LOG);
    }
}
