package org.safegate.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.safegate.audit.AuditEventJson;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.CertificateCheckpointVerifier;
import org.safegate.audit.ChainVerifier;
import org.safegate.audit.CsvExport;
import org.safegate.audit.DisclosureReport;
import org.safegate.audit.DisclosureReportJson;
import org.safegate.audit.EventCursor;
import org.safegate.audit.JsonlExport;
import org.safegate.audit.VerificationResult;
import org.safegate.recall.TransferRecalls;

/** {@code /api/audit/...}: read-only views of the audit log; nothing here can change an event. */
final class AuditEndpoints {
    /** Listing more at once would hold too much in memory; export streams instead. */
    static final int MAX_LIST = 10_000;

    private final AdminServices services;

    /** Events as the audit log writes them ({@link AuditEventJson}), at most the limit; {@code truncated}: there are more. */
    record Events(List<ObjectNode> events, int count, boolean truncated) {
    }

    /** {@code problem}: the first bad event, only when the chain is not intact. */
    record Verified(boolean intact, long events, long checkpoints, long lastSequence, String lastHash,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String problem) {
    }

    AuditEndpoints(AdminServices services) {
        this.services = services;
    }

    ApiResponse events(ApiRequest request) {
        AuditQuery query = AuditParameters.query(request);
        int limit = AuditParameters.number(request, "limit", 1000, MAX_LIST);
        List<ObjectNode> events = new ArrayList<>();
        boolean more;
        try (EventCursor cursor = services.auditStore().open(query)) {
            while (cursor.hasNext() && events.size() < limit) {
                events.add(AuditEventJson.of(Json.MAPPER, cursor.next()));
            }
            more = cursor.hasNext();
        }
        return Json.ok(new Events(events, events.size(), more));
    }

    /** Every event of one transfer, and its redisclosure chain from the original disclosure down. */
    ApiResponse transfer(ApiRequest request) {
        String id = request.path("transfer");
        return Json.ok(new TransferTrail(services.auditStore(), new TransferRecalls(services.database()),
                services.clock().instant()).of(id)
                .orElseThrow(() -> ApiProblem.notFound("transfer", id)));
    }

    ApiResponse verify(ApiRequest request) {
        ChainVerifier verifier = new ChainVerifier(services.auditSigner().certificate());
        VerificationResult result = services.auditStore().verify(verifier);
        return Json.ok(new Verified(result.isIntact(), result.events(), result.checkpoints(), result.lastSequence(),
                result.lastHash(), result.problem().map(Object::toString).orElse(null)));
    }

    /** Streams from a temporary file, so an export of any size never sits in memory. */
    ApiResponse export(ApiRequest request) {
        String format = request.query("format").orElseThrow(() -> ApiProblem.badInput("format",
                "format is required: jsonl or csv"));
        if (!format.equals("jsonl") && !format.equals("csv")) {
            throw ApiProblem.badInput("format", "format must be jsonl or csv, not '" + format + "'");
        }
        AuditQuery query = AuditParameters.query(request);
        Path file = null;
        try {
            file = Files.createTempFile("safegate-audit-export", "." + format);
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                if (format.equals("jsonl")) {
                    new JsonlExport(services.auditStore(), services.auditSigner(), services.clock())
                            .write(query, out, n -> { });
                } else {
                    new CsvExport(services.auditStore()).write(query, out, n -> { });
                }
            }
            return ApiResponse.file(format.equals("jsonl") ? "application/x-ndjson" : "text/csv; charset=utf-8", file);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException("cannot write the export", e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    ApiResponse report(ApiRequest request) {
        Optional<LocalDate> from = AuditParameters.day(request, "from");
        Optional<LocalDate> to = AuditParameters.day(request, "to");
        DisclosureReport report = DisclosureReport.of(services.auditStore(), AuditParameters.query(request),
                new TransferRecalls(services.database()).marks());
        return Json.ok(DisclosureReportJson.of(Json.MAPPER, report, from.orElse(null), to.orElse(null)));
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the failure being reported matters more
            }
        }
    }
}
