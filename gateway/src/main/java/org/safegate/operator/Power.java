package org.safegate.operator;

import java.util.EnumSet;
import java.util.Set;
import org.safegate.policy.model.Role;

/**
 * What an operator may do through the API, as Shiro permission strings, and which role holds each
 * power. Each role gets exactly the powers of its job; no power alters or deletes audit events,
 * because no such power exists.
 */
public enum Power {
    /** Read agencies and agreements, their endpoints and revocation state. */
    AGENCIES_READ("agencies:read", EnumSet.of(Role.ADMINISTRATOR)),
    /** Validate the policy folder and load it now. */
    POLICY_RELOAD("policy:reload", EnumSet.of(Role.ADMINISTRATOR)),
    /** Who is current on a day, which agreements permit transfers. */
    POLICY_STATUS("policy:status", EnumSet.of(Role.AUDITOR, Role.ADMINISTRATOR)),
    /** Revoke or reinstate an agency. */
    AGENCIES_REVOKE("agencies:revoke", EnumSet.of(Role.SECURITY_OFFICER)),
    /** Record a safeguard event (review, SSR, finding, CAP). */
    SAFEGUARDS_RECORD("safeguards:record", EnumSet.of(Role.SECURITY_OFFICER)),
    /** See held and quarantined transfers. */
    TRANSFERS_READ("transfers:read", EnumSet.of(Role.ADMINISTRATOR)),
    /** Release or resubmit a held or quarantined transfer. */
    TRANSFERS_RELEASE("transfers:release", EnumSet.of(Role.ADMINISTRATOR)),
    /** List, show, verify, export the audit log; the accounting of disclosures. */
    AUDIT_READ("audit:read", EnumSet.of(Role.AUDITOR)),
    /** Aggregate figures for monitoring (counts, bytes, latency): every operator. */
    METRICS_READ("metrics:read", EnumSet.allOf(Role.class)),
    /** Revoke or reinstate a single agreement. */
    AGREEMENTS_REVOKE("agreements:revoke", EnumSet.of(Role.SECURITY_OFFICER)),
    /** Which part of the health check fails (store, keys, an agency's endpoints): every operator. */
    HEALTH_DETAILS("health:details", EnumSet.allOf(Role.class)),
    /** Lift another operator's login lockouts (someone guessed at their password, or they mistyped it). */
    OPERATORS_UNLOCK("operators:unlock", EnumSet.of(Role.ADMINISTRATOR, Role.SECURITY_OFFICER)),
    /** Revoke an operator's API tokens (a token leaked, a person left) without editing policy files. */
    TOKENS_REVOKE("tokens:revoke", EnumSet.of(Role.ADMINISTRATOR, Role.SECURITY_OFFICER)),
    /**
     * Move events past the retention period out of the store into a signed, verified archive
     * (records management; nothing is altered or lost: the store keeps the link to the archive).
     */
    AUDIT_ARCHIVE("audit:archive", EnumSet.of(Role.ADMINISTRATOR)),
    /** Recall delivered data: every holder downstream is asked to dispose of it. */
    RECALL_ISSUE("recall:issue", EnumSet.of(Role.SECURITY_OFFICER)),
    /** Close a recall item without a certificate of disposal, with a reason. */
    RECALL_CLOSE("recall:close", EnumSet.of(Role.SECURITY_OFFICER)),
    /** See recalls, their items and where each stands. */
    RECALL_READ("recall:read", EnumSet.of(Role.SECURITY_OFFICER, Role.AUDITOR)),
    /** See the gateway nodes sharing the store: heartbeats, policy versions, transfers in flight. */
    NODES_READ("nodes:read", EnumSet.of(Role.ADMINISTRATOR));

    private final String permission;
    private final Set<Role> roles;

    Power(String permission, Set<Role> roles) {
        this.permission = permission;
        this.roles = roles;
    }

    /** The Shiro permission string. */
    public String permission() {
        return permission;
    }

    public boolean heldBy(Role role) {
        return roles.contains(role);
    }
}
