package org.safegate.audit;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import org.safegate.tlog.NoteKey;
import org.safegate.tlog.SignedNote;
import org.safegate.tlog.TreeHead;

/**
 * Signs tree heads as C2SP signed notes: the text is the checkpoint, the key name is the log's
 * origin, the signature is the audit key's (held here, or in Vault) over the text's bytes.
 */
public final class TreeHeadSigner {
    private final CheckpointSigner signer;
    private final X509Certificate certificate;
    private final NoteKey key;

    public TreeHeadSigner(CheckpointSigner signer, X509Certificate certificate, String origin) {
        this.signer = signer;
        this.certificate = certificate;
        this.key = new NoteKey(origin, certificate.getPublicKey());
    }

    public String origin() {
        return key.name();
    }

    /** The certificate whose key verifies what this signs. */
    public X509Certificate certificate() {
        return certificate;
    }

    public SignedNote sign(TreeHead head) {
        String text = head.text();
        byte[] signature = signer.sign(text.getBytes(StandardCharsets.UTF_8));
        return new SignedNote(text, List.of(key.signatureLine(signature)));
    }

    /** The raw signer, for what is still signed the first way (legacy checkpoints, receipts). */
    CheckpointSigner signer() {
        return signer;
    }
}
