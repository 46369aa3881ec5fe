package org.safegate.transfer;

/** Signs a small document (a receipt) with the gateway's signing key, as a detached CMS signature. */
@FunctionalInterface
public interface DetachedSigner {
    /** DER-encoded CMS SignedData without the content. */
    byte[] sign(byte[] content);
}
