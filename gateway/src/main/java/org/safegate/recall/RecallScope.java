package org.safegate.recall;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a recall covers: named transfers, or every delivery under an agreement in a period
 * ({@code from} inclusive, {@code to} exclusive); and, optionally, only the answer records of some
 * requests. With requests, neither is needed (every answer file that carried their answers), and
 * an agreement alone says under which agreement the requests were made.
 */
public record RecallScope(List<String> transfers, Optional<String> agreement, Optional<Instant> from,
                          Optional<Instant> to, List<String> requests) {
    public RecallScope {
        transfers = List.copyOf(transfers);
        requests = List.copyOf(requests);
    }

    public static RecallScope ofTransfers(List<String> transfers) {
        return new RecallScope(transfers, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    public static RecallScope ofAgreement(String agreement, Instant from, Instant to) {
        return new RecallScope(List.of(), Optional.of(agreement), Optional.of(from), Optional.of(to), List.of());
    }
}
