package org.safegate.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.apache.shiro.authz.Authorizer;
import org.apache.shiro.authz.ModularRealmAuthorizer;
import org.apache.shiro.subject.SimplePrincipalCollection;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.policy.model.Agreement;
import org.safegate.policy.model.PolicySet;

/**
 * The policy gate every transfer passes: {@link #decide} answers with a {@link Decision} carrying
 * every failed rule; {@link #require} is its enforcing twin and throws on denial. Permission is
 * asked of Shiro (the {@link SafeguardRealm}); the same rules supply the reasons. If the two ever
 * disagree the transfer is denied.
 */
public final class SafeguardGate {
    private final Supplier<PolicySet> policies;
    private final TransferRules rules;
    private final Authorizer authorizer;
    private final RecallObligations recalls;

    SafeguardGate(Supplier<PolicySet> policies, TransferRules rules, Authorizer authorizer,
                  RecallObligations recalls) {
        this.policies = policies;
        this.rules = rules;
        this.authorizer = authorizer;
        this.recalls = recalls;
    }

    /**
     * Wires the rules into a Shiro realm and authorizer. {@code revocations} and {@code recalls} are
     * read at every decision; {@link RecallObligations#NONE} only where there is no store (planning).
     */
    public static SafeguardGate create(Supplier<PolicySet> policies, SafeguardSettings settings,
                                       Revocations revocations, RecallObligations recalls,
                                       CertificateCheck certificates) {
        TransferRules rules = new TransferRules(new SafeguardRules(settings), revocations, recalls, certificates);
        SafeguardRealm realm = new SafeguardRealm(policies, rules);
        return new SafeguardGate(policies, rules, new ModularRealmAuthorizer(List.of(realm)), recalls);
    }

    /** The recall obligations its decisions read: what {@link UpcomingChanges} must read too, to agree with them. */
    public RecallObligations recalls() {
        return recalls;
    }

    /** May this transfer happen? Every failed rule is in the decision. */
    public Decision decide(TransferRequest request) {
        PolicySet set = policies.get();
        String subject = request.agreement() + " " + request.category() + " from " + request.sender();
        Agreement agreement = set.agreement(request.agreement()).orElse(null);
        if (agreement == null) {
            return new Decision(subject, request.day(), List.of(new Reason(ReasonCode.AGREEMENT_UNKNOWN,
                    "agreement " + request.agreement() + " is not in the policy set")));
        }
        List<Reason> reasons = rules.senderReasons(set, request, agreement);
        reasons.addAll(rules.recipientReasons(set, agreement, request.category(), request.day()));
        boolean granted = authorizer.isPermitted(
                new SimplePrincipalCollection(new RecipientOnDay(agreement.recipient(), request.day()), SafeguardRealm.NAME),
                new ReceivePermission(agreement.id(), request.category()));
        boolean recipientSideClear = reasons.stream().allMatch(r -> isSenderSide(r.code()));
        if (!granted && recipientSideClear) {
            reasons.add(new Reason(ReasonCode.AUTHORIZATION_REFUSED, agreement.recipient()
                    + " holds no permission " + new ReceivePermission(agreement.id(), request.category())));
        }
        return new Decision(subject, request.day(), reasons);
    }

    /** Like {@link #decide}, but a denial throws {@link ErrorCode#TRANSFER_DENIED} naming every reason. */
    public Decision require(TransferRequest request) {
        Decision decision = decide(request);
        if (!decision.permitted()) {
            throw new SafegateException(ErrorCode.TRANSFER_DENIED, decision.summary());
        }
        return decision;
    }

    /** Whether the agency's safeguards are current on the day, and why not. */
    public Decision status(String agency, LocalDate day) {
        return new Decision(agency, day, rules.currentReasons(policies.get(), agency, day));
    }

    private static boolean isSenderSide(ReasonCode code) {
        return code == ReasonCode.SENDER_NOT_PROVIDER || code == ReasonCode.REDISCLOSURE_NOT_PERMITTED
                || code == ReasonCode.REDISCLOSURE_SOURCE_MISMATCH || code == ReasonCode.AGREEMENT_UNKNOWN;
    }
}
