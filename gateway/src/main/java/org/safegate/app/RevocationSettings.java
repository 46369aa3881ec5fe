package org.safegate.app;

import java.util.Set;
import java.util.stream.Collectors;
import org.safegate.SafegateException;
import org.safegate.config.Settings;
import org.safegate.crypto.AnchorsWithoutCrl;
import org.safegate.keys.KeyProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How certificate revocation is checked, as the settings configure it. */
final class RevocationSettings {
    /** The SHA-256 fingerprints of trust anchors that publish no CRL (comma or space separated). */
    static final String CRL_NOT_REQUIRED = "safegate.crl.not-required";

    private static final Logger LOG = LoggerFactory.getLogger(RevocationSettings.class);

    private RevocationSettings() {
    }

    /**
     * {@value #CRL_NOT_REQUIRED}: the anchors declared as publishing no CRL; every other anchor needs
     * a current CRL, or files depending on what it issued are held. A malformed entry stops the start
     * (naming the setting); each declared anchor is named in the log, so the exemption is visible.
     */
    static AnchorsWithoutCrl anchorsWithoutCrl(Settings settings, KeyProvider keys) {
        AnchorsWithoutCrl declared;
        try {
            declared = AnchorsWithoutCrl.parse(settings.get(CRL_NOT_REQUIRED).orElse(""));
        } catch (SafegateException e) {
            throw new SafegateException(e.code(), CRL_NOT_REQUIRED + ": " + e.getMessage(), e);
        }
        if (!declared.fingerprints().isEmpty()) {
            Set<String> anchors = keys.trust().anchors().stream().map(AnchorsWithoutCrl::fingerprint)
                    .collect(Collectors.toSet());
            for (String fingerprint : declared.fingerprints()) {
                if (anchors.contains(fingerprint)) {
                    LOG.warn("{}: no CRL is required from the trust anchor with SHA-256 fingerprint {}; what it"
                            + " issued is checked against local revocations and any CRL it does publish",
                            CRL_NOT_REQUIRED, fingerprint);
                } else {
                    LOG.warn("{}: {} is the fingerprint of no trust anchor in the key store", CRL_NOT_REQUIRED,
                            fingerprint);
                }
            }
        }
        return declared;
    }
}
