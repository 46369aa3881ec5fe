package org.safegate.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;

/** The accounting of disclosures as JSON: the shape of {@code audit report --json} and of the API. */
public final class DisclosureReportJson {
    private DisclosureReportJson() {
    }

    public static ObjectNode of(ObjectMapper json, DisclosureReport report, LocalDate from, LocalDate to) {
        ObjectNode root = json.createObjectNode();
        root.put("from", from == null ? null : from.toString());
        root.put("to", to == null ? null : to.toString());
        ObjectNode agreements = root.putObject("agreements");
        report.accounts().forEach((id, a) -> {
            ObjectNode node = agreements.putObject(id);
            node.put("provider", a.provider());
            node.put("transfersDelivered", a.delivered());
            node.put("recordsDelivered", a.recordsDelivered());
            node.put("denied", a.denied());
            ObjectNode reasons = node.putObject("deniedByReason");
            a.deniedByReason().forEach(reasons::put);
            node.put("quarantined", a.quarantined());
            node.put("failedOrHeld", a.failed());
            node.put("redisclosed", a.redisclosed());
            node.put("recordsRedisclosed", a.recordsRedisclosed());
            node.put("requestFiles", a.requests());
            node.put("requestRecords", a.requestRecords());
            node.put("fromOtherSenders", a.fromOtherSenders());
            node.put("recalled", a.recalled());
            node.put("disposed", a.disposed());
            node.put("closed", a.closed());
            node.put("open", a.open());
        });
        return root;
    }
}
