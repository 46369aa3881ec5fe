package org.safegate.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.safegate.SafegateException;
import org.safegate.recall.Recall;
import org.safegate.recall.RecallIssuer;
import org.safegate.recall.RecallItem;
import org.safegate.recall.RecallNotice;
import org.safegate.recall.RecallResolution;
import org.safegate.recall.StoredRecallNotices;
import org.safegate.recall.StoredRecalls;

/**
 * {@code /api/recalls...}: a security officer issues a recall (the issuer checks, resolves the
 * downstream, records and audits; the running gateway then delivers the holders' notices);
 * security officers and auditors read recalls, their items and where each notice stands.
 */
final class RecallEndpoints {
    private static final String ORIGIN = "admin API";

    private final RecallIssuer issuer;
    private final StoredRecalls recalls;
    private final StoredRecallNotices notices;
    private final Consumer<String> issued;

    /** A recall as the API and {@code recall show --json} write it. */
    record RecallBody(String id, String issuer, String issuedAt, String issuedBy, String reason, String notice,
                      String due, boolean open, List<ItemBody> items, List<NoticeBody> notices) {
        static RecallBody of(Recall r, List<RecallNotice> notices) {
            return new RecallBody(r.id(), r.issuer(), r.issuedAt().toString(), r.issuedBy(), r.reason(), r.notice(),
                    r.due().toString(), r.open(), r.items().stream().map(ItemBody::of).toList(),
                    notices.stream().map(NoticeBody::of).toList());
        }
    }

    /** Where the notice to one holder stands; {@code heldSince} and {@code heldReason} while its inbox cannot take it. */
    record NoticeBody(String holder, String state, String deliveredAs, String deliveredAt, String heldSince,
                      String heldReason) {
        static NoticeBody of(RecallNotice n) {
            return new NoticeBody(n.holder(), n.state().name().toLowerCase(Locale.ROOT), n.deliveredAs().orElse(null),
                    n.deliveredAt().map(Object::toString).orElse(null), n.heldSince().map(Object::toString).orElse(null),
                    n.heldReason().orElse(null));
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
        this.issuer = new RecallIssuer(new RecallResolution(services.auditStore()), services.audit(), services.clock(),
                services.recallDue());
        this.recalls = new StoredRecalls(services.database());
        this.notices = new StoredRecallNotices(services.database());
        this.issued = services.recallIssued();
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

    /** Issues the recall, then (in the running gateway) delivers its notices: the answer says how each went. */
    RecallBody issue(ObjectNode body, String operator, String origin) {
        Recall recall = issuer.issue(RecallRequests.read(body), operator, origin);
        issued.accept(recall.id());
        return body(recall);
    }

    Recalls list(Optional<Boolean> open, Optional<String> holder) {
        return new Recalls(recalls.list(new StoredRecalls.Filter(open, holder)).stream().map(this::body).toList());
    }

    RecallBody one(String id) {
        return body(recalls.find(id).orElseThrow(() -> SafegateException.notFound("recall", id)));
    }

    private RecallBody body(Recall recall) {
        return RecallBody.of(recall, notices.of(recall.id()));
    }
}
