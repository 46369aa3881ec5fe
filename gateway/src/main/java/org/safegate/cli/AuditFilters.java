package org.safegate.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.TransferOutcome;
import picocli.CommandLine.Option;

/** The filters shared by {@code audit list} and {@code audit export}. Dates are UTC days, both inclusive. */
final class AuditFilters {
    @Option(names = "--agency", paramLabel = "ID", description = "Events where this agency acted, provided or received.")
    String agency;

    @Option(names = "--agreement", paramLabel = "ID", description = "Events under this agreement.")
    String agreement;

    @Option(names = "--outcome", paramLabel = "OUTCOME",
            description = "Transfers that ended so: ${COMPLETION-CANDIDATES}.")
    TransferOutcome outcome;

    @Option(names = "--reason", paramLabel = "CODE", description = "Denials carrying this reason code.")
    String reason;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
            description = "Events on or after this day (UTC).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
            description = "Events on or before this day (UTC).")
    LocalDate to;

    @Option(names = "--transfer", paramLabel = "ID", description = "Events about this transfer.")
    String transfer;

    AuditQuery query() {
        return new AuditQuery(Optional.ofNullable(agency), Optional.ofNullable(agreement), types(),
                Optional.ofNullable(reason), Optional.ofNullable(from).map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()),
                Optional.ofNullable(to).map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()),
                Optional.ofNullable(transfer));
    }

    /** The same filters as query parameters of the admin API. */
    java.util.Map<String, String> parameters() {
        java.util.Map<String, String> parameters = new java.util.LinkedHashMap<>();
        parameters.put("agency", agency);
        parameters.put("agreement", agreement);
        parameters.put("outcome", outcome == null ? null : outcome.name());
        parameters.put("reason", reason);
        parameters.put("from", from == null ? null : from.toString());
        parameters.put("to", to == null ? null : to.toString());
        parameters.put("transfer", transfer);
        return parameters;
    }

    private Set<AuditEventType> types() {
        return outcome == null ? Set.of() : outcome.types();
    }
}
