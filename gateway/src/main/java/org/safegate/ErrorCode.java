package org.safegate;

/** What went wrong, as a stable code. Input errors map to exit code 2, the others to 3. */
public enum ErrorCode {
    /** The policy set could not be loaded; the message lists every problem. */
    POLICY_INVALID(true),
    /** A transfer was denied by policy; the decision carries the reasons. */
    TRANSFER_DENIED(true),
    /** A command-line argument or input file is invalid. */
    INVALID_ARGUMENT(true),
    /** A key, certificate or secret could not be obtained (Vault unreachable, refused, or missing). */
    KEY_UNAVAILABLE(false),
    /**
     * A request or answer file cannot be read as records: no header, a missing or duplicate
     * column, the wrong delimiter, invalid UTF-8, a malformed quote or JSON line, or a record over
     * the size limit. The message names the file, line (and column or byte offset) and the reason.
     */
    RECORD_FILE_INVALID(true),
    /** Reading or writing a file failed. */
    IO_FAILURE(false);

    private final boolean inputError;

    ErrorCode(boolean inputError) {
        this.inputError = inputError;
    }

    public boolean isInputError() {
        return inputError;
    }
}
