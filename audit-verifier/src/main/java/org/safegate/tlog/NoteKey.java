package org.safegate.tlog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

/**
 * The audit key as a signed-note verifier knows it: a name (the log's origin) and a public key.
 * Key ids follow C2SP signed-note: for ECDSA (signature type 0x02) the first four bytes of
 * SHA-256 of the key's DER SubjectPublicKeyInfo; for RSA, which has no assigned type, the first
 * four bytes of SHA-256(name || 0x0A || 0xFF || "rsa-pkcs1v15-sha256" || SubjectPublicKeyInfo).
 * Signatures are SHA256withECDSA (DER) or SHA256withRSA (PKCS #1 v1.5) over the note text, so
 * {@code openssl dgst -sha256 -verify} checks them with the public key of the audit certificate.
 */
public final class NoteKey {
    static final String RSA_TYPE = "rsa-pkcs1v15-sha256";

    private final String name;
    private final PublicKey key;
    private final String algorithm;
    private final int keyId;

    /** What a note's signatures say about this key. */
    public enum Check {
        /** A signature line of this key verifies. */
        VALID,
        /** A signature line names this key but does not verify: the note or the signature was altered. */
        BAD_SIGNATURE,
        /** No signature line is this key's: the note was signed by another key, or by none. */
        OTHER_KEY
    }

    public NoteKey(String name, PublicKey key) {
        this.name = name;
        this.key = key;
        this.algorithm = algorithmFor(key);
        if (key instanceof RSAPublicKey) {
            this.keyId = firstFour(concat(name.getBytes(StandardCharsets.UTF_8), new byte[] {'\n', (byte) 0xff},
                    RSA_TYPE.getBytes(StandardCharsets.US_ASCII), key.getEncoded()));
        } else {
            this.keyId = firstFour(key.getEncoded());
        }
    }

    /** SHA-256 with the key's own algorithm: SHA256withRSA (PKCS #1 v1.5) or SHA256withECDSA (DER). */
    public static String algorithmFor(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return "SHA256withRSA";
        }
        if (key instanceof ECPublicKey) {
            return "SHA256withECDSA";
        }
        throw new IllegalArgumentException("the audit key is RSA or EC, not " + key.getAlgorithm());
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    /** The JCA signature algorithm notes by this key use. */
    public String algorithm() {
        return algorithm;
    }

    public Check check(SignedNote note) {
        boolean named = false;
        for (SignedNote.Signature line : note.signatures()) {
            if (line.keyName().equals(name) && line.keyId() == keyId) {
                named = true;
                if (verifies(note.signedBytes(), line.signature())) {
                    return Check.VALID;
                }
            }
        }
        return named ? Check.BAD_SIGNATURE : Check.OTHER_KEY;
    }

    /** The signature line for a signature this key's private half made over the note text. */
    public SignedNote.Signature signatureLine(byte[] signature) {
        return new SignedNote.Signature(name, keyId, signature);
    }

    private boolean verifies(byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // a malformed signature is as invalid as a wrong one
        }
    }

    private static int firstFour(byte[] data) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(data);
            return ((hash[0] & 0xff) << 24) | ((hash[1] & 0xff) << 16) | ((hash[2] & 0xff) << 8) | (hash[3] & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
