package org.safegate.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.safegate.SafegateException;
import org.safegate.recall.Recall;
import org.safegate.recall.RecallCloser;
import org.safegate.recall.RecallClosure;
import org.safegate.recall.RecallIssuer;
import org.safegate.recall.RecallItem;
import org.safegate.recall.RecallNotice;
import org.safegate.recall.RecallResolution;
import org.safegate.recall.StoredRecallNotices;
import org.safegate.recall.StoredRecalls;
import org.safegate.store.AnswerRecords;
import org.safegate.store.StoredPassedRequests;

/**
 * {@code /api/recalls...}: a security officer issues a recall (the issuer checks, resolves the
 * downstream, records and audits; the running gateway then delivers the holders' notices) and
 * closes items without a certificate; security officers and auditors read recalls, their items and
 * where each notice stands.
 */
final class RecallEndpoints {
    private static final String ORIGIN = "admin API";

    private final RecallIssuer issuer;
    private final StoredRecalls recalls;
    private final RecallCloser closer;
    private final Clock clock;
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
                    String deliveredAt, String parent, List<String> recordIds, String state,
                    @JsonInclude(JsonInclude.Include.NON_NULL) ClosureBody closure) {
        static ItemBody of(RecallItem i) {
            return new ItemBody(i.transfer(), i.holder(), i.agreement(), i.deliveredName(), i.sha256(),
                    i.deliveredAt().toString(), i.parent(), i.recordIds(), i.state().name().toLowerCase(Locale.ROOT),
                    i.closure() == null ? null : ClosureBody.of(i.closure()));
        }
    }

    /** Who closed an item without a certificate, when and why; absent unless an officer closed it. */
    record ClosureBody(String closedBy, String closedAt, String reason) {
        static ClosureBody of(RecallClosure c) {
            return new ClosureBody(c.closedBy(), c.closedAt().toString(), c.reason());
        }
    }

    record Recalls(List<RecallBody> recalls) {
    }

    RecallEndpoints(AdminServices services) {
        this.issuer = new RecallIssuer(new RecallResolution(services.auditStore(),
                new AnswerRecords(services.database()), new StoredPassedRequests(services.database())), services.audit(),
                services.clock(), services.recallDue());
        this.recalls = new StoredRecalls(services.database());
        this.closer = new RecallCloser(recalls, services.audit(), services.clock());
        this.clock = services.clock();
        this.notices = new StoredRecallNotices(services.database());
        this.issued = services.recallIssued();
    }

    ApiResponse issue(ApiRequest request, String operator) {
        return ApiResponse.json(201, Json.write(issue(Json.body(request), operator, ORIGIN)));
    }

    ApiResponse list(ApiRequest request) {
        return Json.ok(list(request.query("open").map(v -> flag("open", v)), request.query("holder"),
                request.query("overdue").map(v -> flag("overdue", v))));
    }

    /** {@code true} or {@code false}; anything else is refused naming the parameter. */
    private static boolean flag(String name, String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw ApiProblem.badInput(name, name + " must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    ApiResponse one(ApiRequest request) {
        return Json.ok(one(request.path("id")));
    }

    ApiResponse close(ApiRequest request, String operator) {
        return Json.ok(close(request.path("id"), Json.body(request), operator, ORIGIN));
    }

    /** Issues the recall, then (in the running gateway) delivers its notices: the answer says how each went. */
    RecallBody issue(ObjectNode body, String operator, String origin) {
        Recall recall = issuer.issue(RecallRequests.read(body), operator, origin);
        issued.accept(recall.id());
        return body(recall);
    }

    /** {@code overdue}: as the gate decides today (its UTC day by the gateway's clock). */
    Recalls list(Optional<Boolean> open, Optional<String> holder, Optional<Boolean> overdue) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return new Recalls(recalls.list(new StoredRecalls.Filter(open, holder,
                overdue.map(o -> new StoredRecalls.Overdue(o, today)))).stream().map(this::body).toList());
    }

    /** Closes the items the body names; the recall as it then stands. */
    RecallBody close(String id, ObjectNode body, String operator, String origin) {
        RecallRequests.Closing closing = RecallRequests.closing(body);
        return body(closer.close(id, closing.items(), closing.reason(), operator, origin));
    }

    RecallBody one(String id) {
        return body(recalls.find(id).orElseThrow(() -> SafegateException.notFound("recall", id)));
    }

    private RecallBody body(Recall recall) {
        return RecallBody.of(recall, notices.of(recall.id()));
    }
}
