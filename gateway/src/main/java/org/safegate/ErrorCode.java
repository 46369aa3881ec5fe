package org.safegate;

/** What went wrong, as a stable code. Input errors map to exit code 2, the others to 3. */
public enum ErrorCode {
    /** The policy set could not be loaded; the message lists every problem. */
    POLICY_INVALID(true),
    /** A transfer was denied by policy; the decision carries the reasons. */
    TRANSFER_DENIED(true),
    /** A command-line argument or input file is invalid. */
    INVALID_ARGUMENT(true),
    /** A command that acts as an operator was not given valid credentials (wrong, expired or revoked). */
    OPERATOR_NOT_AUTHENTICATED(true),
    /** The operator's roles do not hold the power the command needs. */
    OPERATOR_FORBIDDEN(true),
    /**
     * A key, certificate or secret the gateway needs cannot be obtained from the key provider
     * (Vault unreachable, refused, or missing).
     */
    KEY_UNAVAILABLE(false),
    /**
     * A request or answer file cannot be read as records: no header, a missing or duplicate
     * column, the wrong delimiter, invalid UTF-8, a malformed quote or JSON line, or a record over
     * the size limit. The message names the file, line (and column or byte offset) and the reason.
     */
    RECORD_FILE_INVALID(true),
    /** Reading or writing a file failed. */
    IO_FAILURE(false),
    /**
     * A file changed between its checks and its sealing (its sender still had it open for writing):
     * the bytes sealed are not the bytes checked, so nothing is sent and the file is held.
     */
    CONTENT_CHANGED(false),
    /** Another run of the gateway holds the data folder: one run per data folder. */
    GATEWAY_ALREADY_RUNNING(false),
    /**
     * The transfer journal holds transfers in flight in a state only an earlier version resumes:
     * the gateway does not start until that version has finished them.
     */
    JOURNAL_OF_EARLIER_VERSION(false),

    /** A key or certificate file is missing, unreadable, of the wrong type, or does not match its pair. */
    KEY_INVALID(true),

    /** The sealed file is not a well-formed CMS structure of the expected shape (empty, truncated, nested). */
    CRYPTO_MALFORMED(true),
    /** The sealed file uses an algorithm that is not allowed (SHA-1, CBC, RSA PKCS#1 v1.5 key transport, ...). */
    CRYPTO_ALGORITHM_REJECTED(true),
    /** The sealed file is not addressed to the given key, or the content key cannot be unwrapped with it. */
    CRYPTO_NOT_RECIPIENT(true),
    /** Authenticated decryption failed: the GCM tag does not match, the file was altered. */
    CRYPTO_DECRYPT_FAILED(true),
    /** The signature or the signed digest does not verify, or the content is not signed. */
    CRYPTO_SIGNATURE_INVALID(true),
    /** The signer's certificate is not in the file, or is not the signer the caller expects. */
    CRYPTO_SIGNER_MISMATCH(true),
    /** Sealing failed for a reason outside the input (provider or key failure). */
    CRYPTO_FAILURE(false),

    /** The certificate's validity period ended before the time of the check. */
    CERT_EXPIRED(true),
    /** The certificate's validity period starts after the time of the check. */
    CERT_NOT_YET_VALID(true),
    /** The certificate does not chain to a configured trust anchor. */
    CERT_UNTRUSTED(true),
    /** The certificate is revoked by its issuer's CRL or by a local revocation. */
    CERT_REVOKED(true),
    /** The certificate's key usage does not allow the purpose it is used for. */
    CERT_KEY_USAGE(true),
    /** The certificate's key is too small (RSA under 2048 bits, EC under 256 bits) or of an unknown type. */
    CERT_WEAK_KEY(true),
    /** The certificate is signed with a weak algorithm (SHA-1, MD5). */
    CERT_WEAK_SIGNATURE(true),
    /**
     * Whether the certificate is revoked cannot be told now: its issuer's CRL is past its
     * nextUpdate, missing, or not usable (an unrecognised critical extension). Not a verdict on the
     * certificate: what depends on it is held and retried once a current CRL is installed.
     */
    CERT_STATUS_UNKNOWN(false),

    /** The database could not be opened, migrated or queried. */
    STORE_FAILURE(false),
    /**
     * There is no store where the configuration points (no embedded store file, or a database
     * without Safegate's schema), and the command only reads one, so it creates none.
     */
    STORE_MISSING(true),
    /**
     * The store's schema is of another Safegate version than this one, and the command only reads
     * it, so it does not migrate it. The message names both versions.
     */
    STORE_OTHER_VERSION(true),
    /** An audit event could not be made durable; whatever it recorded must not proceed. */
    AUDIT_WRITE_FAILED(false),
    /** The audit key or certificate could not be loaded, or a checkpoint could not be signed. */
    AUDIT_KEY_UNAVAILABLE(false),
    /** An audit export is not in the documented format (docs/audit-format.md). */
    AUDIT_EXPORT_INVALID(true),
    /**
     * The key provider answered, definitively, that a key, certificate or field does not exist
     * (Vault: no such secret, or the secret lacks the field). Unlike {@link #KEY_UNAVAILABLE}, asking
     * again will not help until someone adds it.
     */
    KEY_NOT_FOUND(false),
    /**
     * A folder the gateway takes files from or writes into is reached through a symbolic link, or a
     * file has another hard link: the gateway neither reads, moves nor writes through it. The message
     * names the link.
     */
    LINK_REFUSED(false),

    /** An operator's request is invalid; the exception names the field that is wrong. */
    BAD_INPUT(true),
    /** What an operator named (an agency, agreement, operator, API token or transfer) does not exist. */
    NOT_FOUND(true),
    /** An operator's change cannot be made in the present state (a transfer already released, a place taken). */
    CONFLICT(true),
    /** An operator asked to reinstate an agency or agreement that is not revoked. */
    NOT_REVOKED(true),
    /** An operator asked to revoke API tokens, and the operator named has none left to revoke. */
    NO_TOKENS_TO_REVOKE(true),
    /** An operator asked to lift their own login lockout: that takes a second person. */
    SELF_UNLOCK(true),
    /**
     * The policy folder has errors now, so an operator's change to it (a safeguard event) is not
     * made until they are fixed. Unlike {@link #POLICY_INVALID}, the change itself may be fine.
     */
    POLICY_FOLDER_INVALID(true);

    private final boolean inputError;

    ErrorCode(boolean inputError) {
        this.inputError = inputError;
    }

    public boolean isInputError() {
        return inputError;
    }
}
