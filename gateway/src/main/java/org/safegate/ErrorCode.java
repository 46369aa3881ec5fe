package org.safegate;

/** What went wrong, as a stable code. Input errors map to exit code 2, the others to 3. */
public enum ErrorCode {
    /** The policy set could not be loaded; the message lists every problem. */
    POLICY_INVALID(true),
    /** A transfer was denied by policy; the decision carries the reasons. */
    TRANSFER_DENIED(true),
    /** A command-line argument or input file is invalid. */
    INVALID_ARGUMENT(true),
    /** Reading or writing a file failed. */
    IO_FAILURE(false),
    /** The database could not be opened, migrated or queried. */
    STORE_FAILURE(false),
    /** An audit event could not be made durable; whatever it recorded must not proceed. */
    AUDIT_WRITE_FAILED(false),
    /** The audit key or certificate could not be loaded, or a checkpoint could not be signed. */
    AUDIT_KEY_UNAVAILABLE(false),
    /** An audit export is not in the documented format (docs/audit-format.md). */
    AUDIT_EXPORT_INVALID(true);

    private final boolean inputError;

    ErrorCode(boolean inputError) {
        this.inputError = inputError;
    }

    public boolean isInputError() {
        return inputError;
    }
}
