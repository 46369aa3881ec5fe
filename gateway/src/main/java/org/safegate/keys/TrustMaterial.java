package org.safegate.keys;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What certificates are checked against: the trust anchors (root CA certificates) and the CRLs
 * their issuers published. Immutable.
 */
public record TrustMaterial(List<X509Certificate> anchors, List<X509CRL> crls) {

    public TrustMaterial {
        anchors = List.copyOf(anchors);
        crls = List.copyOf(crls);
    }

    /** Trust in exactly one anchor, with no CRLs. */
    public static TrustMaterial of(X509Certificate anchor) {
        return new TrustMaterial(List.of(anchor), List.of());
    }
}
