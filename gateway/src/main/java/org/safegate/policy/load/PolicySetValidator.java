package org.safegate.policy.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.Agreement;
import org.safegate.policy.model.CapItem;
import org.safegate.policy.model.Finding;
import org.safegate.policy.model.Operator;
import org.safegate.policy.model.Reference;
import org.safegate.policy.model.Role;
import org.safegate.policy.model.Safeguards;
import org.safegate.policy.model.Source;

/** Checks what no single file can: unique ids, references between files, and referenced files. */
final class PolicySetValidator {
    private final Path baseDir;
    private final Problems problems;

    PolicySetValidator(Path baseDir, Problems problems) {
        this.baseDir = baseDir;
        this.problems = problems;
    }

    void validate(List<Agency> agencies, List<Agreement> agreements, List<Safeguards> safeguards,
                  List<Operator> operators) {
        uniqueIds(agencies, Agency::id, Agency::source, "id", "agency");
        uniqueIds(agreements, Agreement::id, Agreement::source, "id", "agreement");
        uniqueIds(safeguards, Safeguards::agency, Safeguards::source, "agency", "safeguard file for agency");
        uniqueIds(operators, Operator::id, Operator::source, "id", "operator");

        Set<String> agencyIds = new HashSet<>();
        agencies.forEach(a -> agencyIds.add(a.id()));
        agreements.forEach(agreement -> checkAgreement(agreement, agencyIds));
        safeguards.forEach(record -> checkSafeguards(record, agencyIds));
        agencies.forEach(this::warnIfCertificatesMissing);
        operators.forEach(this::warnIfDutiesMixed);
    }

    private <T> void uniqueIds(Collection<T> items, Function<T, String> id, Function<T, Source> source,
                               String field, String what) {
        Map<String, Source> seen = new HashMap<>();
        for (T item : items) {
            Source first = seen.putIfAbsent(id.apply(item), source.apply(item));
            if (first != null) {
                Source again = source.apply(item);
                problems.error(again.file(), again.lineOf(field), field, ProblemCode.DUPLICATE_ID,
                        what + " '" + id.apply(item) + "' is already defined in " + first);
            }
        }
    }

    private void checkAgreement(Agreement agreement, Set<String> agencyIds) {
        Source at = agreement.source();
        knownAgency(agreement.provider(), agencyIds, at, "provider");
        knownAgency(agreement.recipient(), agencyIds, at, "recipient");
        if (agreement.provider().equals(agreement.recipient())) {
            problems.error(at.file(), at.lineOf("recipient"), "recipient", ProblemCode.SELF_RECIPIENT,
                    "agency '" + agreement.recipient() + "' cannot be the recipient of its own agreement");
        }
        for (String onward : agreement.redisclosure()) {
            knownAgency(onward, agencyIds, at, "redisclosure");
            if (onward.equals(agreement.recipient())) {
                problems.error(at.file(), at.lineOf("redisclosure"), "redisclosure", ProblemCode.SELF_RECIPIENT,
                        "the recipient '" + onward + "' cannot be listed as its own onward recipient");
            }
        }
    }

    private void checkSafeguards(Safeguards record, Set<String> agencyIds) {
        Source at = record.source();
        knownAgency(record.agency(), agencyIds, at, "agency");
        Set<String> findingIds = new HashSet<>();
        for (Finding finding : record.findings()) {
            if (!findingIds.add(finding.id())) {
                problems.error(at.file(), at.lineOf("findings"), "findings", ProblemCode.DUPLICATE_ID,
                        "finding '" + finding.id() + "' is listed more than once");
            }
        }
        record.cap().ifPresent(cap -> {
            for (CapItem item : cap.items()) {
                if (!findingIds.contains(item.finding())) {
                    problems.error(at.file(), at.lineOf("cap"), "cap.items.finding", ProblemCode.UNKNOWN_REFERENCE,
                            "CAP item refers to finding '" + item.finding() + "', which is not in findings");
                }
            }
        });
    }

    private void knownAgency(String id, Set<String> agencyIds, Source at, String field) {
        if (!agencyIds.contains(id)) {
            problems.error(at.file(), at.lineOf(field), field, ProblemCode.UNKNOWN_REFERENCE,
                    "refers to agency '" + id + "', which is not defined in agencies/");
        }
    }

    private void warnIfCertificatesMissing(Agency agency) {
        warnIfMissing(agency.certificate(), agency.source(), "certificate",
                "transfers to " + agency.id() + " are denied (CERT_MISSING) until it does");
        agency.signingCertificate().ifPresent(ref -> warnIfMissing(ref, agency.source(), "signing-certificate",
                "signed files from " + agency.id() + " will be refused until it does"));
    }

    private void warnIfMissing(Reference ref, Source at, String field, String consequence) {
        if (!ref.isVault() && !Files.isRegularFile(baseDir.resolve(ref.value()))) {
            problems.warning(at.file(), at.lineOf(field), field, ProblemCode.FILE_NOT_FOUND,
                    ref.value() + " does not exist (yet); " + consequence);
        }
    }

    private void warnIfDutiesMixed(Operator operator) {
        if (operator.roles().contains(Role.SECURITY_OFFICER) && operator.roles().contains(Role.AUDITOR)) {
            Source at = operator.source();
            problems.warning(at.file(), at.lineOf("roles"), "roles", ProblemCode.SEPARATION_OF_DUTIES,
                    operator.id() + " is both security-officer and auditor; these duties should be separate");
        }
    }
}
