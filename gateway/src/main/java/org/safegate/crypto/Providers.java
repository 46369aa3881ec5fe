package org.safegate.crypto;

import java.security.Provider;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The JCA providers crypto uses, passed explicitly (nothing is registered globally). Bulk work
 * (AES-GCM sealing, SHA-256, RSA signatures) runs on the JDK's providers, whose AES-GCM and
 * SHA-256 use CPU instructions; Bouncy Castle does key transport and streaming GCM decryption.
 */
final class Providers {
    /** An instance, not a registration: immutable once constructed. */
    static final Provider BC = new BouncyCastleProvider();

    private Providers() {
    }

    /** The JDK's SunJCE provider (AES-GCM), or Bouncy Castle if the JDK lacks it. */
    static Provider jdkCipher() {
        Provider sun = Security.getProvider("SunJCE");
        return sun != null ? sun : BC;
    }
}
