package org.safegate.operator;

import java.util.function.Supplier;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.mgt.DefaultSecurityManager;
import org.apache.shiro.subject.SimplePrincipalCollection;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditLog;
import org.safegate.audit.Outcome;
import org.safegate.policy.model.PolicySet;

/**
 * Proves who an operator is and whether their roles hold a power, for the command line acting on
 * the store directly: the admin API's realm (passwords, API tokens in force), its permissions and
 * its audit events, so a change made without {@code --server} is bound by the same rules and names
 * the same operator. A refusal writes one event, the refusal itself, and nothing else happens.
 */
public final class OperatorLogin {
    private final OperatorRealm realm;
    private final DefaultSecurityManager security;
    private final AuditLog audit;

    /**
     * @param policies the operators (and their token hashes) as the policy set has them
     * @param tokens   which tokens are in force (expiry, revocation)
     * @param audit    where refusals are recorded
     */
    public OperatorLogin(Supplier<PolicySet> policies, ApiTokens tokens, AuditLog audit) {
        this.audit = audit;
        this.realm = new OperatorRealm(policies, tokens);
        this.security = new DefaultSecurityManager(realm);
    }

    /**
     * The operator the credentials prove, once it is checked that their roles hold {@code power}.
     *
     * @param origin where the attempt comes from, for the audit log (e.g. {@code "command line (agency revoke)"})
     * @param object what the command acts on, for the audit log
     * @throws SafegateException OPERATOR_NOT_AUTHENTICATED or OPERATOR_FORBIDDEN, after auditing it
     */
    public String require(AuthenticationToken credentials, Power power, String origin, String object) {
        String claimed = String.valueOf(credentials.getPrincipal());
        try {
            security.authenticate(credentials);
        } catch (AuthenticationException e) {
            // only known ids are recorded: people do type a password into the name field
            String actor = realm.knows(claimed) ? claimed : "unknown-operator";
            audit.append(AuditEntry.builder(AuditEventType.OPERATOR_LOGIN_FAILED, actor).origin(origin)
                    .object(object).outcome(Outcome.FAILURE).change(reason(e, realm.knows(claimed))).build());
            throw new SafegateException(ErrorCode.OPERATOR_NOT_AUTHENTICATED,
                    "the operator credentials are not valid (" + reason(e, realm.knows(claimed)) + ")");
        }
        if (!security.isPermitted(new SimplePrincipalCollection(claimed, realm.getName()), power.permission())) {
            audit.append(AuditEntry.builder(AuditEventType.OPERATOR_FORBIDDEN, claimed).origin(origin)
                    .object(object).outcome(Outcome.FAILURE).change("refused: needs " + power.permission()).build());
            throw new SafegateException(ErrorCode.OPERATOR_FORBIDDEN, claimed + " may not do this (needs "
                    + power.permission() + ")");
        }
        return claimed;
    }

    /** Why a login failed, for the audit log: never the secret, nor whether an unknown id exists. */
    public static String reason(AuthenticationException e, boolean known) {
        if (e instanceof org.apache.shiro.authc.ExpiredCredentialsException) {
            return "API token expired";
        }
        if (e instanceof org.apache.shiro.authc.DisabledAccountException) {
            return "API token revoked";
        }
        return known ? "wrong password or token" : "unknown operator";
    }
}
