package org.safegate.operator;

import java.util.Optional;
import java.util.function.Supplier;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.SimpleAuthenticationInfo;
import org.apache.shiro.authc.UnknownAccountException;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.apache.shiro.authc.credential.PasswordMatcher;
import org.apache.shiro.authz.AuthorizationInfo;
import org.apache.shiro.authz.SimpleAuthorizationInfo;
import org.apache.shiro.realm.AuthorizingRealm;
import org.apache.shiro.subject.PrincipalCollection;
import org.safegate.policy.model.ApiTokenHash;
import org.safegate.policy.model.Operator;
import org.safegate.policy.model.PolicySet;
import org.safegate.policy.model.Role;

/**
 * Operators from the live policy set ({@code policies/operators/}): a password (HTTP Basic) or an
 * API token is checked against its Shiro hash, and roles become the permissions of {@link Power}.
 * A token whose secret matches must also be in force ({@link ApiTokens}): an expired one fails with
 * {@link org.apache.shiro.authc.ExpiredCredentialsException}, a revoked one with
 * {@link org.apache.shiro.authc.DisabledAccountException}; neither is said to a caller without the
 * secret. Nothing is cached: an operator removed or a role changed by a policy reload applies to the
 * next request.
 */
public final class OperatorRealm extends AuthorizingRealm {
    private final Supplier<PolicySet> policies;
    private final ApiTokens tokens;
    private final DefaultPasswordService passwords = new DefaultPasswordService();
    /** Checked against for unknown ids, so the answer takes as long as for a known one (no id probing). */
    private final String decoy;

    public OperatorRealm(Supplier<PolicySet> policies, ApiTokens tokens) {
        super(new PasswordMatcher());
        ((PasswordMatcher) getCredentialsMatcher()).setPasswordService(passwords);
        this.policies = policies;
        this.tokens = tokens;
        this.decoy = passwords.encryptPassword("decoy-" + java.util.UUID.randomUUID());
        setName("operators");
        setAuthorizationCachingEnabled(false);
        setAuthenticationCachingEnabled(false);
    }

    @Override
    public boolean supports(AuthenticationToken token) {
        return token instanceof UsernamePasswordToken || token instanceof ApiToken;
    }

    @Override
    protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) throws AuthenticationException {
        String id = String.valueOf(token.getPrincipal());
        Optional<Operator> operator = operator(id);
        Optional<ApiTokenHash> apiToken = token instanceof ApiToken presented
                ? operator.map(o -> o.apiTokens().get(presented.name())) : Optional.empty();
        String hash = token instanceof ApiToken ? apiToken.map(ApiTokenHash::hash).orElse(null)
                : operator.map(Operator::passwordHash).orElse(null);
        if (hash == null) {
            passwords.passwordsMatch(token.getCredentials(), decoy);
            throw new UnknownAccountException(operator.isEmpty() ? "unknown operator" : "unknown token");
        }
        return apiToken.isPresent() ? new TokenInfo(operator.get(), apiToken.get(), getName())
                : new SimpleAuthenticationInfo(operator.get().id(), hash, getName());
    }

    /** Only once the secret is proven does the token's standing count: no one learns it without the secret. */
    @Override
    protected void assertCredentialsMatch(AuthenticationToken token, AuthenticationInfo info) {
        super.assertCredentialsMatch(token, info);
        if (info instanceof TokenInfo tokenInfo) {
            tokens.requireUsable(tokenInfo.operator, tokenInfo.token);
        }
    }

    /** What an API token is checked against: its hash, and the entry it came from. */
    private static final class TokenInfo extends SimpleAuthenticationInfo {
        private final transient Operator operator;
        private final transient ApiTokenHash token;

        TokenInfo(Operator operator, ApiTokenHash token, String realm) {
            super(operator.id(), token.hash(), realm);
            this.operator = operator;
            this.token = token;
        }
    }

    @Override
    protected AuthorizationInfo doGetAuthorizationInfo(PrincipalCollection principals) {
        SimpleAuthorizationInfo info = new SimpleAuthorizationInfo();
        operator(String.valueOf(principals.getPrimaryPrincipal())).ifPresent(operator -> {
            for (Role role : operator.roles()) {
                info.addRole(role.key());
                for (Power power : Power.values()) {
                    if (power.heldBy(role)) {
                        info.addStringPermission(power.permission());
                    }
                }
            }
        });
        return info;
    }

    /** Whether the id names an operator of the current policy set. */
    public boolean knows(String id) {
        return operator(id).isPresent();
    }

    private Optional<Operator> operator(String id) {
        return policies.get().operator(id);
    }
}
