package org.safegate.operator;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditLog;
import org.safegate.policy.AgreementRevocation;
import org.safegate.policy.Revocations;
import org.safegate.policy.model.Agreement;
import org.safegate.policy.model.PolicySet;

/**
 * A security officer's power over a single agreement: revoke it (every later file under it is
 * denied with {@code AGREEMENT_REVOKED}, while the agencies' other agreements still decide) and
 * reinstate it. The HTTP layer serves it as {@code POST /api/agreements/{id}/revoke} and
 * {@code POST /api/agreements/{id}/reinstate} with {@code {"reason": "..."}} (a revoke may add
 * {@code "notice"}); the command line as {@code safegate agreement revoke|reinstate ID --reason TEXT
 * [--notice TEXT]}.
 *
 * <p>Both acts are audited with the operator as actor. A revocation is stored before it is audited
 * (stopping transfers never waits on anything); a reinstatement is audited before it is lifted, so
 * that no file can move again under an agreement without the log saying who allowed it.
 */
public final class AgreementAccess {
    static final int MAX_REASON_CHARS = 2000;

    private final Supplier<PolicySet> policies;
    private final Revocations revocations;
    private final AuditLog audit;
    private final Clock clock;

    public AgreementAccess(Supplier<PolicySet> policies, Revocations revocations, AuditLog audit, Clock clock) {
        this.policies = policies;
        this.revocations = revocations;
        this.audit = audit;
        this.clock = clock;
    }

    /** Revokes the agreement at once, its reason for the audit log only. */
    public AgreementRevocation revoke(String agreementId, String reason, String operator, String origin) {
        return revoke(agreementId, reason, Optional.empty(), operator, origin);
    }

    /**
     * Revokes the agreement at once; a revocation already in force is replaced (new reason and
     * time). The reason goes to the audit log; the notice, when given, is what the agencies'
     * receipts say instead of a standard sentence.
     */
    public AgreementRevocation revoke(String agreementId, String reason, Optional<String> notice, String operator,
                                      String origin) {
        Agreement agreement = known(agreementId);
        String why = validReason(reason);
        Optional<String> shared = notice.map(n -> validText("notice", n));
        AgreementRevocation revocation = new AgreementRevocation(agreement.id(), clock.instant(), actor(operator), why,
                shared);
        revocations.revokeAgreement(revocation);
        audit.append(entry(AuditEventType.AGREEMENT_REVOKED, agreement, operator, origin, "revoked: " + why
                + shared.map(n -> "; notice: " + n).orElse("")));
        return revocation;
    }

    /** Lifts the agreement's revocation; NOT_REVOKED when none is in force. */
    public void reinstate(String agreementId, String reason, String operator, String origin) {
        Agreement agreement = known(agreementId);
        String why = validReason(reason);
        if (revocations.agreementInForce(agreement.id()).isEmpty()) {
            throw new SafegateException(ErrorCode.NOT_REVOKED, "agreement " + agreement.id() + " is not revoked");
        }
        audit.append(entry(AuditEventType.AGREEMENT_REINSTATED, agreement, operator, origin, "reinstated: " + why));
        revocations.reinstateAgreement(agreement.id());
    }

    private Agreement known(String agreementId) {
        if (agreementId == null || agreementId.isBlank()) {
            throw SafegateException.invalid("id", "the agreement id is missing");
        }
        return policies.get().agreement(agreementId).orElseThrow(() -> SafegateException.notFound("agreement", agreementId));
    }

    private static String validReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw SafegateException.invalid("reason", "a reason is required: say why");
        }
        return validText("reason", reason);
    }

    private static String validText(String field, String text) {
        if (text.isBlank()) {
            throw SafegateException.invalid(field, "the " + field + " is empty");
        }
        if (text.length() > MAX_REASON_CHARS) {
            throw SafegateException.invalid(field, "the " + field + " is longer than " + MAX_REASON_CHARS + " characters");
        }
        return text.strip();
    }

    private static String actor(String operator) {
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("an operator is required");
        }
        return operator;
    }

    private static AuditEntry entry(AuditEventType type, Agreement agreement, String operator, String origin,
                                    String change) {
        return AuditEntry.builder(type, actor(operator)).origin(Objects.requireNonNullElse(origin, "admin"))
                .object(agreement.id()).agreement(agreement.id()).provider(agreement.provider())
                .recipient(agreement.recipient()).authority(agreement.authority()).change(change).build();
    }
}
