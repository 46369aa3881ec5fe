package org.safegate.audit;

/**
 * A file given to the verifier that cannot be verified as what it claims to be: not an export, a
 * line that is not JSON, a filtered export, or a file that cannot be read. Not tampering: the
 * input is wrong. {@link #code()} names the kind, as the gateway's error codes do.
 */
public final class AuditFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The file is not a verifiable export (bad input). */
    public static final String INVALID = "AUDIT_EXPORT_INVALID";
    /** The file could not be read (a failure, not the input's fault). */
    public static final String UNREADABLE = "IO_FAILURE";

    private final String code;

    public AuditFileException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public AuditFileException(String code, String message) {
        this(code, message, null);
    }

    public String code() {
        return code;
    }

    public boolean isInputError() {
        return INVALID.equals(code);
    }
}
