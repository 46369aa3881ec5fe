package org.safegate.transfer;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.safegate.files.JsonDocuments;

/**
 * A refusal as the transfer journal keeps it (JSON): the outcome, when it was decided, and what the
 * audit event, reason file and receipt say. A run that resumes an interrupted refusal finishes it
 * from this record, never from a new decision, so the sender is told the same thing once.
 */
record RefusalRecord(Receipt.Outcome outcome, Instant at, Transfer ended) {
    /** One line: the record is a journal column, not a document a person reads. */
    private static final ObjectWriter COMPACT = JsonDocuments.MAPPER.writer()
            .without(SerializationFeature.INDENT_OUTPUT);
    /** Keeps the record inside its journal column however long a reason's sentence is. */
    private static final int LONGEST_MESSAGE = 4000;
    private static final int MOST_REASONS = 20;

    /**
     * The record as it will be stored: over-long sentences shortened, so that what the first run
     * writes is exactly what a resumed run would write.
     */
    RefusalRecord bounded() {
        List<Receipt.Reason> reasons = ended.reasons().stream().limit(MOST_REASONS)
                .map(r -> new Receipt.Reason(r.code(), r.message().length() > LONGEST_MESSAGE
                        ? r.message().substring(0, LONGEST_MESSAGE) + "..." : r.message())).toList();
        String note = ended.note().map(n -> n.length() > LONGEST_MESSAGE ? n.substring(0, LONGEST_MESSAGE) : n)
                .orElse(null);
        return new RefusalRecord(outcome, at, ended.withReasons(reasons).withNote(Optional.ofNullable(note)));
    }

    /** The record as the journal column keeps it: its field names are the contract with rows in flight. */
    private record Stored(String outcome, String at, String transfer, String sender, String provider, String recipient,
                          String agreement, String authority, String category, String name, String sha256, long size, String parent,
                          Long records, String note, List<Receipt.Reason> reasons) {
    }

    String toJson() {
        Stored stored = new Stored(outcome.name(), at.toString(), ended.transferId(), ended.sender(), ended.provider(),
                ended.recipient(), ended.agreement(), ended.authority(), ended.category(), ended.name(), ended.sha256(), ended.size(),
                ended.parentTransfer().orElse(null), ended.records().orElse(null), ended.note().orElse(null),
                ended.reasons());
        try {
            return COMPACT.writeValueAsString(stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RefusalRecord fromJson(String json) {
        Stored stored;
        try {
            stored = JsonDocuments.MAPPER.readValue(json, Stored.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the journaled refusal cannot be read", e);
        }
        // a row journaled before the provider was kept recorded the sender as provider, as its first run did
        String provider = stored.provider() == null ? stored.sender() : stored.provider();
        Transfer ended = new Transfer(stored.transfer(), stored.sender(), provider, stored.recipient(), stored.agreement(),
                stored.authority(), stored.category(), stored.name(), stored.sha256(), stored.size(),
                Optional.ofNullable(stored.parent()), Optional.empty(),
                stored.reasons() == null ? List.of() : stored.reasons(), Optional.ofNullable(stored.records()),
                Optional.ofNullable(stored.note()));
        return new RefusalRecord(Receipt.Outcome.valueOf(stored.outcome()), Instant.parse(stored.at()), ended);
    }
}
