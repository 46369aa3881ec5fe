package org.safegate.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authz.AuthorizationInfo;
import org.apache.shiro.authz.Permission;
import org.apache.shiro.authz.SimpleAuthorizationInfo;
import org.apache.shiro.authz.permission.WildcardPermissionResolver;
import org.apache.shiro.realm.AuthorizingRealm;
import org.apache.shiro.subject.PrincipalCollection;
import org.safegate.policy.model.Agreement;
import org.safegate.policy.model.PolicySet;

/**
 * Grants an agency {@code receive:<agreement>:<category>} for every agreement and category under
 * which it may receive on the day, and only while every rule holds. Authorization is computed
 * afresh on every question from the current policy set and revocations: caching is off, so no
 * answer can outlive a revocation or a policy reload.
 *
 * <p>Agencies are not authenticated through this realm (their outbox and signature identify
 * them), so it supports no authentication tokens.
 */
public final class SafeguardRealm extends AuthorizingRealm {
    public static final String NAME = "safeguards";

    private final Supplier<PolicySet> policies;
    private final TransferRules rules;

    public SafeguardRealm(Supplier<PolicySet> policies, TransferRules rules) {
        this.policies = policies;
        this.rules = rules;
        setName(NAME);
        setCachingEnabled(false);
        setAuthorizationCachingEnabled(false);
        // agreement ids are case-sensitive: IRS-ICE and irs-ice are different agreements
        setPermissionResolver(new WildcardPermissionResolver(true));
    }

    @Override
    protected AuthorizationInfo doGetAuthorizationInfo(PrincipalCollection principals) {
        SimpleAuthorizationInfo info = new SimpleAuthorizationInfo();
        RecipientOnDay recipient = principals.oneByType(RecipientOnDay.class);
        if (recipient == null) {
            return info;
        }
        PolicySet set = policies.get();
        List<Agreement> agreements = set.agreementsTo(recipient.agency());
        if (agreements.isEmpty()
                || !rules.currentReasons(set, recipient.agency(), recipient.day()).isEmpty()
                || !rules.certificateReasons(set, recipient.agency(), recipient.day()).isEmpty()) {
            return info;
        }
        Set<Permission> granted = new HashSet<>();
        for (Agreement agreement : agreements) {
            for (String category : agreement.categories()) {
                if (rules.agreementReasons(agreement, category, recipient.day()).isEmpty()) {
                    granted.add(new ReceivePermission(agreement.id(), category));
                }
            }
        }
        info.setObjectPermissions(granted);
        return info;
    }

    @Override
    public boolean supports(AuthenticationToken token) {
        return false;
    }

    @Override
    protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) {
        return null;
    }
}
