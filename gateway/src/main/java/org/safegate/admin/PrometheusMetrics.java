package org.safegate.admin;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditStatistics;
import org.safegate.policy.PolicyStatus;
import org.safegate.policy.UpcomingChanges;
import org.safegate.policy.model.PolicySet;

/**
 * {@code GET /metrics} in the Prometheus text format (version 0.0.4). Transfer counts and bytes come
 * from the audit store, so they cover every node sharing it and survive restarts, and are written
 * here as integers as they always were; latency and the routes' exchange meters are this node's,
 * since it started, kept in Micrometer's Prometheus registry ({@link TransferTimings}) and
 * rendered by it.
 */
final class PrometheusMetrics {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final AdminServices services;
    private final UpcomingChanges upcoming;

    PrometheusMetrics(AdminServices services) {
        this.services = services;
        this.upcoming = UpcomingChanges.forKeyStore(services.keys(), services.gate().recalls());
    }

    ApiResponse scrape(ApiRequest request) {
        Map<String, Long> transfers = new TreeMap<>();
        Map<String, Long> bytes = new TreeMap<>();
        Map<String, Long> byReason = new TreeMap<>();
        for (AuditStatistics.OutcomeCount count : new AuditStatistics(services.database()).outcomes()) {
            String outcome = outcome(count.type());
            transfers.merge(outcome, count.transfers(), Long::sum);
            bytes.merge(outcome, count.bytes(), Long::sum);
            for (String reason : count.reasons()) {
                byReason.merge("outcome=\"" + outcome + "\",reason=\"" + reason + "\"", count.transfers(), Long::sum);
            }
        }
        StringBuilder out = new StringBuilder();
        // which node answers: the series below are not relabelled, so dashboards keep working
        family(out, "safegate_node_info", "gauge", "The node that answers (safegate.node.id); always 1.");
        sample(out, "safegate_node_info", "node=\"" + labelValue(services.node()) + "\"", 1);
        family(out, "safegate_transfers_total", "counter", "Transfers by how they ended (audit store).");
        transfers.forEach((outcome, n) -> sample(out, "safegate_transfers_total", "outcome=\"" + outcome + "\"", n));
        family(out, "safegate_transfer_reasons_total", "counter",
                "Transfers by outcome and reason code (a transfer with several reasons counts under each).");
        byReason.forEach((labels, n) -> sample(out, "safegate_transfer_reasons_total", labels, n));
        family(out, "safegate_transfer_bytes_total", "counter", "Bytes of the files that ended each way.");
        bytes.forEach((outcome, n) -> sample(out, "safegate_transfer_bytes_total", "outcome=\"" + outcome + "\"", n));
        family(out, "safegate_held_files", "gauge", "Files held for retry (key, store or endpoint unavailable).");
        sample(out, "safegate_held_files", null, services.heldFiles().getAsInt());
        family(out, "safegate_audit_chain_length", "gauge", "Sequence number of the audit chain head.");
        sample(out, "safegate_audit_chain_length", null, services.auditStore().headSequence());
        family(out, "safegate_days_until_not_current", "gauge", "Days until the agency's earliest upcoming change"
                + " (its own or the gateway's certificates and CRLs); 0 while it is not current.");
        daysUntilNotCurrent().forEach((agency, days) -> sample(out, "safegate_days_until_not_current",
                "agency=\"" + labelValue(agency) + "\"", days));
        // the meters of this node (the transfer duration histogram, the routes' exchanges), rendered by Micrometer
        out.append(services.timings().scrape());
        return ApiResponse.text(200, CONTENT_TYPE, out.toString());
    }

    /** The same computation as {@code GET /api/policy/upcoming} and {@code policy check --within}. */
    private java.util.Map<String, Long> daysUntilNotCurrent() {
        LocalDate today = LocalDate.ofInstant(services.clock().instant(), ZoneOffset.UTC);
        PolicySet set = services.policies().get();
        return UpcomingChanges.daysUntilNotCurrent(PolicyStatus.of(set, services.gate(), today),
                upcoming.after(set, today));
    }

    /** Escapes as the text format requires, whatever characters an agency id holds. */
    private static String labelValue(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String outcome(AuditEventType type) {
        return type == AuditEventType.REDISCLOSURE ? "redisclosed"
                : type.name().substring("TRANSFER_".length()).toLowerCase(Locale.ROOT);
    }

    private static void family(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, String labels, long value) {
        out.append(name);
        if (labels != null) {
            out.append('{').append(labels).append('}');
        }
        out.append(' ').append(value).append('\n');
    }
}
