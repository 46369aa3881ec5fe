package org.safegate.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.safegate.SafegateException;
import org.safegate.recall.Recall;
import org.safegate.recall.RecallIssuer;
import org.safegate.recall.RecallItem;
import org.safegate.recall.RecallResolution;
import org.safegate.recall.StoredRecalls;
import org.safegate.store.AnswerRecords;
import org.safegate.store.StoredPassedRequests;

/**
 * {@code /api/recalls...}: a security officer issues a recall (the issuer checks, resolves the
 * downstream, records and audits); security officers and auditors read recalls and their items.
 */
final class RecallEndpoints {
    private static final String ORIGIN = "admin API";

    private final RecallIssuer issuer;
    private final StoredRecalls recalls;

    /** A recall as the API and {@code recall show --json} write it. */
    record RecallBody(String id, String issuer, String issuedAt, String issuedBy, String reason, String notice,
                      String due, boolean open, List<ItemBody> items) {
        static RecallBody of(Recall r) {
            return new RecallBody(r.id(), r.issuer(), r.issuedAt().toString(), r.issuedBy(), r.reason(), r.notice(),
                    r.due().toString(), r.open(), r.items().stream().map(ItemBody::of).toList());
        }
    }

    record ItemBody(String transfer, String holder, String agreement, String deliveredName, String sha256,
                    String deliveredAt, String parent, List<String> recordIds, String state) {
        static ItemBody of(RecallItem i) {
            return new ItemBody(i.transfer(), i.holder(), i.agreement(), i.deliveredName(), i.sha256(),
                    i.deliveredAt().toString(), i.parent(), i.recordIds(), i.state().name().toLowerCase(Locale.ROOT));
        }
    }

    record Recalls(List<RecallBody> recalls) {
    }

    RecallEndpoints(AdminServices services) {
        this.issuer = new RecallIssuer(new RecallResolution(services.auditStore(),
                new AnswerRecords(services.database()), new StoredPassedRequests(services.database())), services.audit(),
                services.clock(), services.recallDue());
        this.recalls = new StoredRecalls(services.database());
    }

    ApiResponse issue(ApiRequest request, String operator) {
        return ApiResponse.json(201, Json.write(issue(Json.body(request), operator, ORIGIN)));
    }

    ApiResponse list(ApiRequest request) {
        return Json.ok(list(request.query("open").map(Boolean::parseBoolean), request.query("holder")));
    }

    ApiResponse one(ApiRequest request) {
        return Json.ok(one(request.path("id")));
    }

    RecallBody issue(ObjectNode body, String operator, String origin) {
        return RecallBody.of(issuer.issue(RecallRequests.read(body), operator, origin));
    }

    Recalls list(Optional<Boolean> open, Optional<String> holder) {
        return new Recalls(recalls.list(new StoredRecalls.Filter(open, holder)).stream().map(RecallBody::of).toList());
    }

    RecallBody one(String id) {
        return RecallBody.of(recalls.find(id).orElseThrow(() -> SafegateException.notFound("recall", id)));
    }
}
