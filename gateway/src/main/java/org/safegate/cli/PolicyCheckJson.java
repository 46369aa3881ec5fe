package org.safegate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.safegate.policy.Decision;
import org.safegate.policy.PolicyStatus;
import org.safegate.policy.Reason;
import org.safegate.policy.UpcomingChange;
import org.safegate.policy.UpcomingWindow;
import org.safegate.policy.load.PolicyLoadResult;
import org.safegate.policy.load.PolicyProblem;
import org.safegate.policy.model.Agreement;

/** The JSON form of {@code policy check}; its shape is documented in docs/policy-check.md. */
final class PolicyCheckJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** With {@code within}, the document also has {@code within}, {@code until} and {@code upcoming}. */
    void write(PrintWriter out, Path policies, LocalDate day, PolicyLoadResult result, PolicyStatus status,
               Optional<String> store, UpcomingWindow within, List<UpcomingChange> upcoming) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("policies", policies.toString());
        root.put("at", day.toString());
        // where the revocations and recalls came from (--config); null: none were read
        root.put("store", store.orElse(null));
        root.put("valid", result.isValid());
        problems(root.putArray("errors"), result.errors());
        problems(root.putArray("warnings"), result.warnings());
        ArrayNode agencies = root.putArray("agencies");
        ArrayNode agreements = root.putArray("agreements");
        if (status != null) {
            for (PolicyStatus.AgencyStatus agency : status.agencies()) {
                ObjectNode node = agencies.addObject();
                node.put("id", agency.id());
                node.put("name", agency.name());
                node.put("status", agency.standing().key());
                node.put("current", agency.standing() == PolicyStatus.Standing.CURRENT);
                reasons(node.putArray("reasons"), agency.reasons());
            }
            for (PolicyStatus.AgreementStatus agreementStatus : status.agreements()) {
                agreement(agreements.addObject(), agreementStatus.agreement(), agreementStatus.decision());
            }
        }
        if (within != null) {
            root.put("within", within.toString());
            root.put("until", within.until(day).toString());
            ArrayNode changes = root.putArray("upcoming");
            upcoming.forEach(change -> upcoming(changes.addObject(), day, change));
        }
        try {
            out.println(MAPPER.writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void agreement(ObjectNode node, Agreement agreement, Decision decision) {
        node.put("id", agreement.id());
        node.put("provider", agreement.provider());
        node.put("recipient", agreement.recipient());
        node.put("authority", agreement.authority());
        ArrayNode categories = node.putArray("categories");
        agreement.categories().forEach(categories::add);
        node.put("effective", agreement.effective().toString());
        node.put("expires", agreement.expires().map(LocalDate::toString).orElse(null));
        node.put("permitted", decision.permitted());
        reasons(node.putArray("reasons"), decision.reasons());
    }

    /** One upcoming change; the same members as an item of {@code GET /api/policy/upcoming}. */
    private static void upcoming(ObjectNode node, LocalDate day, UpcomingChange change) {
        node.put("day", change.day().toString());
        node.put("inDays", java.time.temporal.ChronoUnit.DAYS.between(day, change.day()));
        node.put("agency", change.agency().orElse(null));
        node.put("agreement", change.agreement().orElse(null));
        node.put("kind", change.kind().name());
        node.put("reason", change.kind().reasonCode());
        node.put("what", change.what());
    }

    private static void reasons(ArrayNode array, List<Reason> reasons) {
        for (Reason reason : reasons) {
            array.addObject().put("code", reason.code().name()).put("message", reason.message());
        }
    }

    private static void problems(ArrayNode array, List<PolicyProblem> problems) {
        for (PolicyProblem problem : problems) {
            ObjectNode node = array.addObject();
            node.put("file", problem.file().toString());
            node.put("line", problem.line());
            node.put("field", problem.field());
            node.put("code", problem.code().name());
            node.put("message", problem.message());
        }
    }
}
