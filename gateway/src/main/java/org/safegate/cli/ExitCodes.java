package org.safegate.cli;

import org.safegate.SafegateException;
import org.safegate.audit.AuditFileException;

/** Exit codes shared by every command. */
final class ExitCodes {
    static final int OK = 0;
    /** A check found a problem (a tampered log, a failed verification). */
    static final int CHECK_FAILED = 1;
    /** Input was invalid: bad arguments, an invalid policy set, a bad file. */
    static final int INVALID_INPUT = 2;
    /** Something outside the input failed: I/O, store, keys. */
    static final int FAILURE = 3;
    /** Another gateway run holds the data folder (a {@code run} beside a running gateway). */
    static final int GATEWAY_RUNNING = 4;

    private ExitCodes() {
    }

    static int forException(Throwable e) {
        if (e instanceof picocli.CommandLine.ParameterException) {
            return INVALID_INPUT;
        }
        if (e instanceof SafegateException se) {
            if (se.code() == org.safegate.ErrorCode.GATEWAY_ALREADY_RUNNING) {
                return GATEWAY_RUNNING;
            }
            return se.code().isInputError() ? INVALID_INPUT : FAILURE;
        }
        if (e instanceof AuditFileException file) {
            return file.isInputError() ? INVALID_INPUT : FAILURE;
        }
        return FAILURE;
    }
}
