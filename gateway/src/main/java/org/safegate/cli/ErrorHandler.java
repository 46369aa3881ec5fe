package org.safegate.cli;

import org.safegate.SafegateException;
import org.safegate.audit.AuditFileException;
import picocli.CommandLine;

/** Prints a failed command's error as one clear line instead of a stack trace. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        // an API's refusal carries the server's status in place of a code of ours
        String message = e instanceof ApiRefusal refusal ? "error: " + refusal.getMessage()
                : e instanceof SafegateException se ? "error: " + se.code() + ": " + se.getMessage()
                : e instanceof AuditFileException file ? "error: " + file.code() + ": " + file.getMessage()
                : "error: " + e;
        cli.getErr().println(message);
        return ExitCodes.forException(e);
    }
}
