package org.safegate.policy;

import java.util.Objects;
import org.apache.shiro.authz.Permission;
import org.apache.shiro.authz.permission.WildcardPermission;

/**
 * The permission {@code receive:<agreement>:<category>}: the right to receive data of a category
 * under an agreement. A permission only describes access; the {@link SafeguardRealm} grants it.
 * Compared exactly with its own kind, and as a case-sensitive Shiro wildcard permission with
 * permissions given as strings ({@code isPermitted(principals, "receive:IRS-DOJ-2024:last-known-address")}).
 */
public final class ReceivePermission implements Permission {
    private final String agreement;
    private final String category;

    public ReceivePermission(String agreement, String category) {
        this.agreement = Objects.requireNonNull(agreement, "agreement");
        this.category = Objects.requireNonNull(category, "category");
    }

    @Override
    public boolean implies(Permission other) {
        if (other instanceof ReceivePermission receive) {
            return agreement.equals(receive.agreement) && category.equals(receive.category);
        }
        return new WildcardPermission(toString(), true).implies(other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReceivePermission r && agreement.equals(r.agreement) && category.equals(r.category);
    }

    @Override
    public int hashCode() {
        return Objects.hash(agreement, category);
    }

    @Override
    public String toString() {
        return "receive:" + agreement + ":" + category;
    }
}
