package org.safegate.audit;

import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/** The one place that chooses how checkpoints are signed: SHA-256 with the key's own algorithm. */
final class SignatureAlgorithm {
    static final String RSA = "SHA256withRSA";
    static final String EC = "SHA256withECDSA";

    private SignatureAlgorithm() {
    }

    static String forKey(Key key) {
        if (key instanceof RSAKey) {
            return RSA;
        }
        if (key instanceof ECKey) {
            return EC;
        }
        throw new SafegateException(ErrorCode.AUDIT_KEY_UNAVAILABLE,
                "the audit key must be RSA or EC, not " + key.getAlgorithm());
    }
}
