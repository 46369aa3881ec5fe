package org.safegate.inspect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safegate.inspect.read.Columns;
import org.safegate.inspect.read.RawRecord;
import org.safegate.inspect.read.RecordFormat;
import org.safegate.inspect.read.RecordReader;
import org.safegate.inspect.read.RecordReaders;
import org.safegate.policy.model.Agreement;
import org.safegate.policy.model.Source;

/** Shared test values: the IRS-ICE agreement, an arrival time, settings, fixture files. */
public final class InspectFixtures {
    static final Instant RECEIVED = Instant.parse("2026-03-01T10:00:00Z");
    public static final String HEADER = String.join(",", Columns.REQUEST_CONTRACT);
    public static final String VALID_ROW = "R1,John Smith,123 Main St,Springfield,IL,62701,2023,26 U.S.C. 6103(i)(2),"
            + "Named in affidavit 17 of case 2026-CR-1,Jane Agent";

    private InspectFixtures() {
    }

    static Agreement agreement() {
        return new Agreement("IRS-ICE-2025", "IRS", "ICE", "26 U.S.C. 6103(i)(2)",
                "Non-tax criminal investigation, 8 U.S.C. 1253(a)(1)", List.of("last-known-address"),
                LocalDate.of(2025, 4, 7), Optional.of(LocalDate.of(2028, 4, 7)), List.of(),
                Optional.of("irc-6103-i-2"), new Source(Path.of("agreements/irs-ice-2025.yaml"), 1, Map.of()));
    }

    static InspectionContext context() {
        return new InspectionContext(agreement(), RECEIVED);
    }

    static InspectionSettings settings() {
        return InspectionSettings.DEFAULTS.withAllowedStatutes(List.of("8 U.S.C. 1253(a)(1)"));
    }

    static Path resource(String name) {
        try {
            return Path.of(InspectFixtures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rejection CSV as line number to its reason_codes cell (parsed with the project's own reader). */
    static Map<Long, String> rejectedCodesByLine(Path rejections) {
        Map<Long, String> codes = new HashMap<>();
        for (RawRecord record : readAll(rejections, RecordFormat.CSV, RejectionWriter.HEADER)) {
            codes.put(Long.parseLong(record.value("line")), record.value("reason_codes"));
        }
        return codes;
    }

    static List<RawRecord> readAll(Path file, RecordFormat format, List<String> required) {
        List<RawRecord> records = new ArrayList<>();
        try (var in = Files.newInputStream(file);
             RecordReader reader = RecordReaders.open(in, file.getFileName().toString(), format, 64 * 1024, required)) {
            for (var next = reader.next(); next.isPresent(); next = reader.next()) {
                records.add(next.get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }
}
