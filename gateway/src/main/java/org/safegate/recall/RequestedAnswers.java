package org.safegate.recall;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.store.AnswerRecords;
import org.safegate.store.StoredPassedRequests;

/**
 * The answer records of the requests a recall names: for each request, the delivered answer files
 * that carried its answers and the records' lines in them ({@code answer_record}, written with each
 * delivery). A request the gateway never inspected is NOT_FOUND; one with no delivered answer, or
 * known under several agreements when none is given, is BAD_INPUT; each names the request.
 */
final class RequestedAnswers {
    private final AnswerRecords answers;
    private final StoredPassedRequests requests;

    /** What was found: the delivered answers of each request named, in the order named. */
    record Found(Map<String, List<AnswerRecords.Answer>> byRequest) {
        /** Every answer file delivery that carried an answer to one of the requests. */
        Set<String> transfers() {
            Set<String> transfers = new LinkedHashSet<>();
            byRequest.values().forEach(list -> list.forEach(a -> transfers.add(a.transferId())));
            return transfers;
        }

        /**
         * The record ids (lines) of each transfer kept, in line order. Every request must keep an
         * answer among them: a recall never silently drops a request it names.
         */
        Map<String, List<String>> recordsWithin(Collection<String> kept, String scope) {
            Map<String, List<Long>> lines = new LinkedHashMap<>();
            for (Map.Entry<String, List<AnswerRecords.Answer>> request : byRequest.entrySet()) {
                List<AnswerRecords.Answer> within = request.getValue().stream()
                        .filter(a -> kept.contains(a.transferId())).toList();
                if (within.isEmpty()) {
                    throw SafegateException.invalid("requests", "request " + request.getKey() + " has no delivered"
                            + " answer " + scope + ": nothing of it to recall");
                }
                within.forEach(a -> lines.computeIfAbsent(a.transferId(), t -> new ArrayList<>()).add(a.line()));
            }
            Map<String, List<String>> records = new LinkedHashMap<>();
            lines.forEach((transfer, list) -> records.put(transfer, list.stream().distinct().sorted()
                    .map(String::valueOf).toList()));
            return records;
        }
    }

    RequestedAnswers(AnswerRecords answers, StoredPassedRequests requests) {
        this.answers = answers;
        this.requests = requests;
    }

    Found find(List<String> requestIds, Optional<String> agreement) {
        Map<String, List<AnswerRecords.Answer>> byRequest = new LinkedHashMap<>();
        for (String id : new LinkedHashSet<>(requestIds)) {
            List<String> under = agreement.map(a -> requests.find(a, id).isPresent() ? List.of(a) : List.<String>of())
                    .orElseGet(() -> requests.agreementsWith(id));
            if (under.isEmpty()) {
                throw SafegateException.about(ErrorCode.NOT_FOUND, "requests", "no request '" + id + "'"
                        + agreement.map(a -> " under " + a).orElse(""));
            }
            if (under.size() > 1) {
                throw SafegateException.invalid("requests", "request " + id + " was made under " + String.join(", ",
                        under) + ": give the agreement");
            }
            List<AnswerRecords.Answer> delivered = answers.answersTo(id, Optional.of(under.get(0)));
            if (delivered.isEmpty()) {
                throw SafegateException.invalid("requests", "request " + id + " under " + under.get(0) + " has no"
                        + " delivered answer: nothing of it to recall");
            }
            byRequest.put(id, delivered);
        }
        return new Found(byRequest);
    }
}
