package org.safegate.crypto;

/** What a certificate is about to be used for; decides the key usage it must allow. */
public enum Purpose {
    /** Encrypting to the certificate's key (key transport): needs keyEncipherment. */
    ENCRYPTION,
    /** Verifying signatures made with the certificate's key: needs digitalSignature or nonRepudiation. */
    SIGNING
}
