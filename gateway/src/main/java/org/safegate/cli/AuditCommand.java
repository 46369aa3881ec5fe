package org.safegate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code safegate audit ...}: read, verify, export and account for the audit log. None of them changes it. */
@Command(name = "audit",
        mixinStandardHelpOptions = true,
        description = "Read, verify and export the audit log; account for disclosures.",
        subcommands = {AuditListCommand.class, AuditShowCommand.class, AuditVerifyCommand.class,
                AuditExportCommand.class, AuditReportCommand.class, AuditArchiveCommand.class, AuditProveCommand.class})
final class AuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: try 'audit list', 'show', 'verify', 'export', 'report' or 'archive'");
    }
}
