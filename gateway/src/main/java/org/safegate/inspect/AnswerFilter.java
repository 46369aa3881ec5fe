package org.safegate.inspect;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.files.FileModes;
import org.safegate.inspect.read.CsvWriter;
import org.safegate.inspect.read.RawRecord;
import org.safegate.inspect.read.RecordFormat;
import org.safegate.inspect.read.RecordReader;
import org.safegate.inspect.read.RecordReaders;
import org.safegate.inspect.read.RecordWriter;
import org.safegate.inspect.rules.AnswerCode;

/**
 * Releases an answer record only when its {@code request_id} belongs to a request that passed
 * inspection under the same agreement, from the agency the answer goes to, within the answer window.
 * So a disclosure in answer to a deficient request cannot leave the gateway. Released records are
 * written unchanged in the answer file's format; withheld ones are listed, with the reason, in a
 * spreadsheet-safe CSV notice for the data holder ({@code line,request_id,reason_code,reason}).
 */
public final class AnswerFilter {
    static final List<String> NOTICE_HEADER = List.of("line", "request_id", "reason_code", "reason");

    private final InspectionSettings settings;
    private final PassedRequests passedRequests;

    public AnswerFilter(InspectionSettings settings, PassedRequests passedRequests) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.passedRequests = Objects.requireNonNull(passedRequests, "passedRequests");
    }

    /** Filters a file whose format its name gives. */
    public AnswerResult filter(Path answerFile, AnswerContext context, Path releasedOut, Path noticeOut) {
        return filter(answerFile, context, releasedOut, noticeOut, ReleasedAnswers.NONE);
    }

    /** As {@link #filter(Path, AnswerContext, Path, Path)}, telling {@code released} of each record released. */
    public AnswerResult filter(Path answerFile, AnswerContext context, Path releasedOut, Path noticeOut,
                               ReleasedAnswers released) {
        return filter(answerFile, RecordFormat.of(answerFile), context, releasedOut, noticeOut, released);
    }

    /**
     * Filters the file into released records and a withheld notice. On a {@link SafegateException}
     * (a malformed file) both outputs are deleted: nothing of the file may be released.
     */
    public AnswerResult filter(Path answerFile, RecordFormat format, AnswerContext context, Path releasedOut,
                               Path noticeOut, ReleasedAnswers listener) {
        String source = String.valueOf(answerFile.getFileName());
        try (InputStream in = Files.newInputStream(answerFile);
             OutputStream released = new BufferedOutputStream(FileModes.newOwnerOnlyOutputStream(releasedOut), 1 << 16);
             Writer notice = new BufferedWriter(new OutputStreamWriter(FileModes.newOwnerOnlyOutputStream(noticeOut),
                     StandardCharsets.UTF_8));
             RecordReader reader = RecordReaders.open(in, source, format, settings.maxRecordBytes(),
                     List.of("request_id"));
             RecordWriter releasedWriter = new RecordWriter(released, String.valueOf(releasedOut.getFileName()),
                     format)) {
            CsvWriter withheld = new CsvWriter(notice, String.valueOf(noticeOut.getFileName()), true);
            withheld.row(NOTICE_HEADER);
            return run(reader, releasedWriter, withheld, context, listener);
        } catch (IOException e) {
            deleteQuietly(releasedOut, noticeOut);
            throw new SafegateException(ErrorCode.IO_FAILURE, source + ": cannot filter answers: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(releasedOut, noticeOut);
            throw e;
        }
    }

    private AnswerResult run(RecordReader reader, RecordWriter released, CsvWriter withheld, AnswerContext context,
                             ReleasedAnswers listener) {
        long arrived = 0;
        long releasedCount = 0;
        Map<AnswerCode, Long> byReason = new EnumMap<>(AnswerCode.class);
        boolean first = true;
        for (Optional<RawRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
            RawRecord answer = next.get();
            if (first) {
                released.header(answer.columns());
                first = false;
            }
            arrived++;
            String requestId = answer.value("request_id").strip();
            Optional<Withholding> refusal = refusal(requestId, context);
            if (refusal.isEmpty()) {
                releasedCount++;
                listener.released(requestId, answer.line(), released.write(answer));
            } else {
                byReason.merge(refusal.get().code(), 1L, Long::sum);
                withheld.row(List.of(Long.toString(answer.line()), answer.value("request_id"),
                        refusal.get().code().name(), refusal.get().sentence()));
            }
        }
        return new AnswerResult(arrived, releasedCount, arrived - releasedCount, byReason);
    }

    /** Why the answer to this request id may not leave, or empty when it may. */
    private Optional<Withholding> refusal(String requestId, AnswerContext context) {
        Optional<RequestOutcome> found = requestId.isEmpty() ? Optional.empty()
                : passedRequests.find(context.agreement().id(), requestId);
        if (found.isEmpty()) {
            return withhold(AnswerCode.REQUEST_UNKNOWN, "no request with this id passed through the gateway under "
                    + context.agreement().id());
        }
        RequestOutcome outcome = found.get();
        if (!outcome.passed()) {
            return withhold(AnswerCode.REQUEST_REFUSED, "the request was refused at inspection");
        }
        if (!outcome.requester().equals(context.recipient())) {
            return withhold(AnswerCode.REQUESTER_MISMATCH, "the request came from " + outcome.requester()
                    + ", not " + context.recipient());
        }
        Instant deadline = outcome.inspectedAt().plus(settings.answerWindow());
        if (context.answeredAt().isAfter(deadline)) {
            return withhold(AnswerCode.ANSWER_WINDOW_EXPIRED, "the answer window closed at " + deadline);
        }
        return Optional.empty();
    }

    private static Optional<Withholding> withhold(AnswerCode code, String sentence) {
        return Optional.of(new Withholding(code, sentence));
    }

    private record Withholding(AnswerCode code, String sentence) {
    }

    private static void deleteQuietly(Path... files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // the original failure matters more; the caller holds the answer file
            }
        }
    }
}
