package org.safegate.operator;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditLog;
import org.safegate.audit.Outcome;
import org.safegate.policy.model.Operator;
import org.safegate.policy.model.PolicySet;

/**
 * What one operator may do about another's access: lift their login lockouts on this node, and
 * revoke their API tokens for good. Every act, and a refused self-unlock, is audited with the
 * acting operator as actor.
 */
public final class OperatorAccess {
    private final Supplier<PolicySet> policies;
    private final LoginThrottle throttle;
    private final ApiTokens tokens;
    private final AuditLog audit;

    public OperatorAccess(Supplier<PolicySet> policies, LoginThrottle throttle, ApiTokens tokens, AuditLog audit) {
        this.policies = policies;
        this.throttle = throttle;
        this.tokens = tokens;
        this.audit = audit;
    }

    /** The operator of the current policy set with this id; NOT_FOUND when there is none. */
    public Operator known(String id) {
        return policies.get().operator(id).orElseThrow(() -> SafegateException.notFound("operator", id));
    }

    /**
     * Lifts the target's lockouts from every address, and the lockout of {@code address} when one is
     * named; returns how many were lifted. Audited also when nothing was locked. No one unlocks
     * themselves: that takes a second person.
     *
     * @param origin    where the request comes from, for the audit log
     * @param attempted what was asked, as the audit log names a refusal
     * @throws SafegateException SELF_UNLOCK, after auditing the refusal
     */
    public int unlock(Operator target, Optional<String> address, String reason, String operator, String origin,
                      String attempted) {
        if (target.id().equals(operator)) {
            audit.append(AuditEntry.builder(AuditEventType.OPERATOR_FORBIDDEN, operator).origin(origin)
                    .object(attempted).outcome(Outcome.FAILURE).change("refused: no one unlocks themselves").build());
            throw new SafegateException(ErrorCode.SELF_UNLOCK,
                    "an operator cannot unlock themselves; ask another operator with operators:unlock");
        }
        int cleared = throttle.unlock(target.id(), address);
        audit.append(AuditEntry.builder(AuditEventType.OPERATOR_UNLOCKED, operator).origin(origin).object(target.id())
                .change("unlocked: " + reason + "; " + cleared + " lockout(s) lifted"
                        + address.map(a -> ", address " + a + " included").orElse("")).build());
        return cleared;
    }

    /**
     * Revokes the target's API tokens not revoked yet, or only the one named: each stored, then
     * audited. Returns their names.
     *
     * @throws SafegateException NOT_FOUND (field {@code token}) for a token the operator does not
     *                           have; NO_TOKENS_TO_REVOKE when none is left to revoke
     */
    public List<String> revokeTokens(Operator target, Optional<String> only, String reason, String operator,
                                     String origin) {
        if (only.isPresent() && !target.apiTokens().containsKey(only.get())) {
            throw SafegateException.about(ErrorCode.NOT_FOUND, "token", "operator " + target.id()
                    + " has no API token named '" + only.get() + "'");
        }
        List<String> revoked = tokens.revoke(target, only, operator, reason, origin);
        if (revoked.isEmpty()) {
            throw new SafegateException(ErrorCode.NO_TOKENS_TO_REVOKE, "operator " + target.id()
                    + " has no API token " + (only.isPresent() ? "'" + only.get() + "' " : "") + "left to revoke");
        }
        return revoked;
    }
}
