package org.safegate.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Optional;
import org.safegate.SafegateException;
import org.safegate.audit.AuditStore;
import org.safegate.recall.TransferRecalls;
import org.safegate.store.Database;

/**
 * The admin API's answers, as the JSON text it sends, for a command that works on the gateway's
 * store when no running gateway is asked: built by the very methods the endpoints use, so the
 * command line and the API cannot read differently. Errors are the services' own
 * ({@link SafegateException} with the same codes and fields the API maps to its statuses).
 */
public final class DirectAnswers {
    private final AgencyEndpoints agencies;
    private final TransferEndpoints transfers;
    private final RecallEndpoints recalls;

    public DirectAnswers(AdminServices services) {
        this.agencies = new AgencyEndpoints(services);
        this.transfers = new TransferEndpoints(services.transferQueue());
        this.recalls = new RecallEndpoints(services);
    }

    /** {@code POST /api/recalls}, issued by {@code operator}; a body problem is BAD_INPUT naming its field. */
    public String issueRecall(ObjectNode body, String operator) {
        try {
            return Json.write(recalls.issue(body, operator, "cli"));
        } catch (ApiProblem problem) {
            throw SafegateException.invalid(problem.field().orElse("body"), problem.getMessage());
        }
    }

    /** {@code POST /api/recalls/{id}/close}, closed by {@code operator}; a body problem is BAD_INPUT naming its field. */
    public String closeRecallItems(String id, ObjectNode body, String operator) {
        try {
            return Json.write(recalls.close(id, body, operator, "cli"));
        } catch (ApiProblem problem) {
            throw SafegateException.invalid(problem.field().orElse("body"), problem.getMessage());
        }
    }

    /** {@code GET /api/recalls?open=&holder=}. */
    public String recalls(Optional<Boolean> open, Optional<String> holder) {
        return recalls(open, holder, Optional.empty());
    }

    /** {@code GET /api/recalls?open=&holder=&overdue=}. */
    public String recalls(Optional<Boolean> open, Optional<String> holder, Optional<Boolean> overdue) {
        return Json.write(recalls.list(open, holder, overdue));
    }

    /** {@code GET /api/recalls/{id}}: NOT_FOUND for an unknown recall. */
    public String recall(String id) {
        return Json.write(recalls.one(id));
    }

    /** {@code GET /api/agencies}. */
    public String agencies() {
        return Json.write(agencies.all());
    }

    /** {@code GET /api/agencies/{id}}. */
    public String agency(String id) {
        return Json.write(agencies.one(id));
    }

    /** {@code POST /api/agencies/{id}/safeguards/events}, recorded with {@code operator} as the actor. */
    public String safeguardEvent(String agency, ObjectNode event, String operator) {
        return Json.write(agencies.safeguardEvent(agency, event, operator));
    }

    /** {@code GET /api/transfers?state=...}: {@code held} or {@code quarantined}. */
    public String transfers(String state) {
        return Json.write(transfers.list(Optional.of(state)));
    }

    /** {@code POST /api/transfers/{id}/release}, released by {@code operator}. */
    public String release(String id, String operator) {
        return Json.write(transfers.release(id, operator));
    }

    /**
     * {@code GET /api/audit/events/{transfer}}, overdue recalls as of {@code clock}: NOT_FOUND when the
     * store has no event of the transfer.
     */
    public static String transferEvents(Database database, Clock clock, String transfer) {
        return Json.write(new TransferTrail(new AuditStore(database), new TransferRecalls(database), clock.instant())
                .of(transfer)
                .orElseThrow(() -> SafegateException.notFound("transfer", transfer)));
    }
}
