package org.safegate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.safegate.policy.PolicyStatus;
import org.safegate.policy.PolicyStatus.AgencyStatus;
import org.safegate.policy.PolicyStatus.AgreementStatus;
import org.safegate.policy.Reason;
import org.safegate.policy.load.PolicyLoadResult;
import org.safegate.policy.load.PolicyProblem;
import org.safegate.policy.model.Agreement;

/** The human form of {@code policy check}: a header, two aligned tables, then warnings. */
final class PolicyCheckTable {
    private final PrintWriter out;

    PolicyCheckTable(PrintWriter out) {
        this.out = out;
    }

    /** {@code store}: where revocations and recalls were read, when they were. */
    void print(Path policies, LocalDate day, PolicyLoadResult result, PolicyStatus status, Optional<String> store) {
        if (!result.isValid()) {
            out.println("Policy set " + policies + ": INVALID (" + result.errors().size() + " error(s))");
            problems("Errors", result.errors());
            problems("Warnings", result.warnings());
            return;
        }
        out.println("Policy set " + policies + ": valid (" + status.agencies().size() + " agencies, "
                + status.agreements().size() + " agreements)");
        out.println("Evaluated on " + day);
        store.ifPresent(place -> out.println("Revocations and recalls: the store at " + place));
        out.println();
        agencies(status.agencies());
        out.println();
        agreements(status.agreements());
        problems("Warnings", result.warnings());
    }

    private void agencies(List<AgencyStatus> agencies) {
        TextTable table = new TextTable("AGENCY", "STATUS", "REASON", "DETAIL");
        for (AgencyStatus agency : agencies) {
            String standing = switch (agency.standing()) {
                case CURRENT -> "current";
                case NOT_CURRENT -> "NOT CURRENT";
                case PROVIDER_ONLY -> "provider only";
            };
            rows(table, agency.id(), standing, agency.reasons());
        }
        table.print(out);
    }

    private void agreements(List<AgreementStatus> agreements) {
        TextTable table = new TextTable("AGREEMENT", "PROVIDER", "RECIPIENT", "TRANSFER", "REASON", "DETAIL");
        for (AgreementStatus status : agreements) {
            Agreement agreement = status.agreement();
            List<Reason> reasons = status.decision().reasons();
            String verdict = status.decision().permitted() ? "permitted" : "DENIED";
            if (reasons.isEmpty()) {
                table.row(agreement.id(), agreement.provider(), agreement.recipient(), verdict, "", "");
            }
            for (int i = 0; i < reasons.size(); i++) {
                boolean first = i == 0;
                table.row(first ? agreement.id() : "", first ? agreement.provider() : "",
                        first ? agreement.recipient() : "", first ? verdict : "",
                        reasons.get(i).code().name(), reasons.get(i).message());
            }
        }
        table.print(out);
    }

    private static void rows(TextTable table, String id, String standing, List<Reason> reasons) {
        if (reasons.isEmpty()) {
            table.row(id, standing, "", "");
        }
        for (int i = 0; i < reasons.size(); i++) {
            table.row(i == 0 ? id : "", i == 0 ? standing : "", reasons.get(i).code().name(), reasons.get(i).message());
        }
    }

    private void problems(String title, List<PolicyProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        out.println();
        out.println(title + " (" + problems.size() + "):");
        problems.forEach(p -> out.println("  " + p));
    }
}
