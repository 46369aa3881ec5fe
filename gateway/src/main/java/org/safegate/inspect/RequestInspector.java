package org.safegate.inspect;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.files.FileModes;
import org.safegate.inspect.read.Columns;
import org.safegate.inspect.read.CsvRecordReader;
import org.safegate.inspect.read.RecordFormat;
import org.safegate.inspect.read.RecordReader;
import org.safegate.inspect.read.RecordReaders;
import org.safegate.inspect.read.RecordWriter;
import org.safegate.inspect.rules.FingerprintTable;
import org.safegate.inspect.rules.ReasonKeys;

/**
 * Inspects a request file record by record and splits it: records that meet the request rules go to
 * a file of the same format (for the data holder), the others to a rejection file (for the requester)
 * with every reason. Every outcome is recorded in {@link PassedRequests}, which later decides which
 * answers may leave.
 *
 * <p>Two passes over the file, each streaming: the first counts fingerprints of the reason texts
 * (boilerplate is a property of the whole file, so it cannot be decided while reading forward); the
 * second checks, writes and counts. Memory is bounded per record (a 64-bit fingerprint per distinct
 * id and per distinct reason) and never holds a record longer than it is read. The passed ids go to
 * a temporary file and are recorded once the quarantine decision is known.
 *
 * <p>On a {@link SafegateException} (a malformed file) both output files are deleted and nothing is
 * recorded as passed: the caller quarantines the request file.
 */
public final class RequestInspector {
    private final InspectionSettings settings;
    private final PassedRequests passedRequests;

    public RequestInspector(InspectionSettings settings, PassedRequests passedRequests) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.passedRequests = Objects.requireNonNull(passedRequests, "passedRequests");
    }

    /** Inspects a file whose format its name gives ({@code .csv}, {@code .jsonl}, {@code .ndjson}). */
    public InspectionResult inspect(Path requestFile, InspectionContext context, Path passedOut, Path rejectionsOut) {
        return inspect(requestFile, RecordFormat.of(requestFile), context, passedOut, rejectionsOut);
    }

    /**
     * Inspects the file, writing the passed records to {@code passedOut} (same format) and the
     * rejection CSV to {@code rejectionsOut}. Both outputs are written even when the result says to
     * quarantine; the caller then sends neither.
     */
    public InspectionResult inspect(Path requestFile, RecordFormat format, InspectionContext context,
                                    Path passedOut, Path rejectionsOut) {
        return inspect(requestFile, String.valueOf(requestFile.getFileName()), format, context, passedOut,
                rejectionsOut);
    }

    private InspectionResult inspect(Path requestFile, String source, RecordFormat format, InspectionContext context,
                                     Path passedOut, Path rejectionsOut) {
        try {
            InspectionPass.ReasonCounts reasons = countReasons(requestFile, format, source);
            InspectionResult result;
            try (PassedIds passedIds = new PassedIds(passedOut.toAbsolutePath().getParent())) {
                try (OutputStream passed = new BufferedOutputStream(FileModes.newOwnerOnlyOutputStream(passedOut), 1 << 16);
                     OutputStream rejected = new BufferedOutputStream(FileModes.newOwnerOnlyOutputStream(rejectionsOut), 1 << 16);
                     InputStream in = Files.newInputStream(requestFile)) {
                    InspectionPass pass = new InspectionPass(settings, context, passedRequests, reasons, passedIds);
                    result = pass.run(RecordReaders.open(in, source, format, settings.maxRecordBytes(),
                                    Columns.REQUEST_CONTRACT),
                            new RecordWriter(passed, String.valueOf(passedOut.getFileName()), format),
                            new RejectionWriter(rejected, String.valueOf(rejectionsOut.getFileName())));
                }
                boolean passed = !result.quarantined();
                passedIds.forEach(id -> passedRequests.record(new RequestOutcome(context.agreement().id(),
                        context.requester(), id, context.receivedAt(), passed)));
            }
            return result;
        } catch (IOException e) {
            deleteQuietly(passedOut, rejectionsOut);
            throw new SafegateException(ErrorCode.IO_FAILURE, source + ": cannot inspect: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(passedOut, rejectionsOut);
            throw e;
        }
    }

    /**
     * Inspects a stream: it is copied to a temporary file beside {@code passedOut} first, because the
     * boilerplate rule needs two passes. The copy is deleted afterwards.
     */
    public InspectionResult inspect(InputStream requests, String name, RecordFormat format,
                                    InspectionContext context, Path passedOut, Path rejectionsOut) {
        Path directory = passedOut.toAbsolutePath().getParent();
        Path copy = null;
        try {
            copy = Files.createTempFile(directory, ".inspect-", ".tmp");
            Files.copy(requests, copy, StandardCopyOption.REPLACE_EXISTING);
            return inspect(copy, name, format, context, passedOut, rejectionsOut);
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, name + ": cannot copy for inspection: "
                    + e.getMessage(), e);
        } finally {
            if (copy != null) {
                deleteQuietly(copy);
            }
        }
    }

    /**
     * The first pass. CSV reads only the reason column's bytes (the scanner still checks the whole
     * record, so a bad file fails here as it would in the second pass); JSON Lines reads records.
     */
    private InspectionPass.ReasonCounts countReasons(Path file, RecordFormat format, String source)
            throws IOException {
        FingerprintTable reasons = new FingerprintTable();
        ReasonKeys keys = new ReasonKeys();
        long records = 0;
        try (InputStream in = Files.newInputStream(file)) {
            if (format == RecordFormat.CSV) {
                CsvRecordReader reader = new CsvRecordReader(in, source, settings.maxRecordBytes(),
                        Columns.REQUEST_CONTRACT);
                int reason = reader.columns().indexOf("reason");
                for (; reader.advance(); records++) {
                    if (keys.of(reader.scanner(), reason)) {
                        reasons.increment(keys.fingerprint());
                    }
                }
            } else {
                RecordReader reader = RecordReaders.open(in, source, format, settings.maxRecordBytes(),
                        Columns.REQUEST_CONTRACT);
                for (var record = reader.next(); record.isPresent(); record = reader.next(), records++) {
                    if (keys.of(record.get().value("reason"))) {
                        reasons.increment(keys.fingerprint());
                    }
                }
            }
        }
        // the full table is dropped here: the second pass needs only the boilerplate reasons
        return new InspectionPass.ReasonCounts(reasons.above(InspectionPass.boilerplateAbove(settings, records)),
                records);
    }

    private static void deleteQuietly(Path... files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // the original failure matters more; a leftover partial file is never sent on its own
            }
        }
    }
}
