package org.safegate.inspect;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safegate.inspect.read.Columns;
import org.safegate.inspect.read.RawRecord;
import org.safegate.inspect.read.RecordReader;
import org.safegate.inspect.read.RecordWriter;
import org.safegate.inspect.rules.Fingerprint;
import org.safegate.inspect.rules.FingerprintTable;
import org.safegate.inspect.rules.ReasonKeys;
import org.safegate.inspect.rules.RecordProblem;
import org.safegate.inspect.rules.RequestCode;
import org.safegate.inspect.rules.RequestNormalizer;
import org.safegate.inspect.rules.RequestRecord;
import org.safegate.inspect.rules.RequestRules;

/**
 * The second pass over one request file: normalise, check, write each record to the passed or the
 * rejection file, and count. One instance per file; not thread-safe.
 */
final class InspectionPass {
    /**
     * What the first pass learned: how many records carry each reason fingerprint (only those above
     * {@link #boilerplateAbove} need to be kept), and the total.
     */
    record ReasonCounts(FingerprintTable table, long records) {
    }

    private final InspectionSettings settings;
    private final InspectionContext context;
    private final PassedRequests passedRequests;
    private final ReasonCounts reasons;
    private final PassedIds passedIds;
    private final RequestNormalizer normalizer = new RequestNormalizer();
    private final RequestRules rules;
    private final FingerprintTable ids;
    private final ReasonKeys reasonKeys = new ReasonKeys();
    private final Map<RequestCode, Long> byReason = new EnumMap<>(RequestCode.class);
    private final long boilerplateAbove;
    private Columns contractColumns;
    private int[] contract;
    private long arrived;
    private long passed;

    InspectionPass(InspectionSettings settings, InspectionContext context, PassedRequests passedRequests,
                   ReasonCounts reasons, PassedIds passedIds) {
        this.passedIds = passedIds;
        this.settings = settings;
        this.context = context;
        this.passedRequests = passedRequests;
        this.reasons = reasons;
        this.rules = new RequestRules(normalizer.address(), allowedStatutes(settings, context), context.evaluationDay(),
                settings.oldestTaxYearAge());
        this.boilerplateAbove = boilerplateAbove(settings, reasons.records());
        // sized from the first pass's count, so that it never rehashes a million ids
        this.ids = new FingerprintTable(reasons.records());
    }

    /**
     * The statutes a request may cite: the agreement's own authority, and those the agreement lists
     * or, when it lists none, those the settings allow.
     */
    private static List<String> allowedStatutes(InspectionSettings settings, InspectionContext context) {
        return context.agreement().requestStatutes(settings.allowedStatutes());
    }

    /** A reason is boilerplate on more than the share of records, and on at least the minimum count. */
    static long boilerplateAbove(InspectionSettings settings, long records) {
        long byShare = (long) Math.floor(settings.boilerplateShare() * records);
        return Math.max(byShare, settings.boilerplateMinCount() - 1L);
    }

    InspectionResult run(RecordReader reader, RecordWriter passedOut, RejectionWriter rejections) {
        try (reader; passedOut; rejections) {
            boolean first = true;
            for (Optional<RawRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
                RawRecord raw = next.get();
                if (first) {
                    passedOut.header(raw.columns());
                    first = false;
                }
                inspect(raw, passedOut, rejections);
            }
        }
        long refused = arrived - passed;
        boolean quarantined = arrived > 0 && refused > settings.quarantineShare() * arrived;
        return new InspectionResult(arrived, passed, refused, byReason, quarantined);
    }

    private void inspect(RawRecord raw, RecordWriter passedOut, RejectionWriter rejections) {
        arrived++;
        int[] contract = contractPositions(raw.columns());
        RequestRecord record = normalizer.normalise(RequestRecord.of(raw.line(), contractValues(raw, contract)));
        String id = record.requestId();
        boolean duplicate = id.isEmpty() || ids.increment(Fingerprint.of(id)) > 0;
        // most files have no boilerplate reason at all, and then there is nothing to look up
        boolean boilerplate = reasons.table().size() > 0 && reasonKeys.of(record.reason())
                && reasons.table().count(reasonKeys.fingerprint()) > boilerplateAbove;
        List<RecordProblem> problems = rules.check(record, duplicate, boilerplate);
        if (problems.isEmpty()) {
            passed++;
            passedIds.add(id);
            passedOut.write(settings.writeNormalised() ? withContractValues(raw, record, contract) : raw);
            return;
        }
        for (RecordProblem problem : problems) {
            byReason.merge(problem.code(), 1L, Long::sum);
        }
        rejections.write(raw.line(), raw.value("request_id"), problems);
        if (!id.isEmpty()) {
            passedRequests.record(new RequestOutcome(context.agreement().id(), context.requester(), id,
                    context.receivedAt(), false));
        }
    }

    /** Where each contract column is in these columns (-1: absent); looked up once per header. */
    private int[] contractPositions(Columns columns) {
        if (columns != contractColumns) {
            contract = new int[Columns.REQUEST_CONTRACT.size()];
            for (int i = 0; i < contract.length; i++) {
                contract[i] = columns.indexOf(Columns.REQUEST_CONTRACT.get(i));
            }
            contractColumns = columns;
        }
        return contract;
    }

    private static String[] contractValues(RawRecord raw, int[] contract) {
        String[] values = new String[contract.length];
        for (int i = 0; i < contract.length; i++) {
            values[i] = contract[i] < 0 ? "" : raw.value(contract[i]);
        }
        return values;
    }

    private static RawRecord withContractValues(RawRecord raw, RequestRecord normalised, int[] contract) {
        String[] values = new String[raw.columns().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = raw.value(i);
        }
        String[] normalisedValues = normalised.contractValues();
        for (int i = 0; i < contract.length; i++) {
            if (contract[i] >= 0) {
                values[contract[i]] = normalisedValues[i];
            }
        }
        return new RawRecord(raw.line(), raw.columns(), values);
    }
}
