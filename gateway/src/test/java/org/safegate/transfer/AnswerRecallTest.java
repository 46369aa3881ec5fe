package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditStore;
import org.safegate.recall.Recall;
import org.safegate.recall.RecallIssuer;
import org.safegate.recall.RecallItem;
import org.safegate.recall.RecallResolution;
import org.safegate.recall.RecallScope;
import org.safegate.store.AnswerRecords;
import org.safegate.store.StoredPassedRequests;

/**
 * Recalling the answer records of some requests, through the real exchange: DOJ sends requests to
 * the IRS under IRS-DOJ-2024 (here with request rules), the IRS answers them in two answer files,
 * DOJ passes the first on to ICE. Which delivered answer file carried which request's answers is
 * recorded with each delivery; a recall by request id finds exactly those records, downstream too.
 */
class AnswerRecallTest extends TransferScenarioTest {
    private static final String STATUTE = "8 U.S.C. 1253(a)(1)";
    private static final String AGREEMENT = "IRS-DOJ-2024";
    private static final String HEADER = "request_id,last_known_address\r\n";

    @BeforeEach
    void irsDojWithRequestRules() throws Exception {
        Path yaml = workspace.resolve("policies/agreements/irs-doj-2024.yaml");
        Files.writeString(yaml, Files.readString(yaml) + "request-rules: irc-6103-i-2\nrequest-statutes: [\""
                + STATUTE + "\"]\n");
        makeIceCurrent();
        start(Map.of());
        Path requests = write(outbox("DOJ").resolve(AGREEMENT).resolve("requests").resolve("batch.csv"),
                requests(1, 2, 3, 4, 5));
        assertThat(process("DOJ", requests)).isEqualTo(TransferOutcome.DELIVERED);
        // the forward's copies for DOJ are not what these tests look at
        deleteTree(inbox("DOJ").resolve(AGREEMENT));
    }

    @Test
    @DisplayName("R-002 is answered on lines 3 and 5 of the first answer file, which DOJ passed on to ICE. Result: a"
            + " recall of R-002 holds that file's delivery to DOJ and its redisclosure to ICE, each with records 3"
            + " and 5 only; the second answer file (R-003, R-004) is not recalled.")
    void aRecallByRequestIdHoldsOnlyThatRequestsAnswerRecords_downstreamToo() throws Exception {
        String first = answer("answers.csv", "R-001", "R-002", "R-003", "R-002");
        String second = answer("answers-2.csv", "R-003", "R-004");
        // what DOJ received (answer() checked it is the IRS's file), passed on to ICE
        byte[] received = answers("R-001", "R-002", "R-003", "R-002");
        assertThat(process("DOJ", drop("DOJ", "DOJ-ICE-2024", "onward.csv", received)))
                .isEqualTo(TransferOutcome.DELIVERED);
        String onward = single(AuditEventType.REDISCLOSURE).entry().transferId();

        Recall recall = issue(new RecallScope(List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of("R-002")));

        assertThat(recall.items()).extracting(RecallItem::transfer, RecallItem::holder, RecallItem::parent,
                RecallItem::recordIds).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(first, "DOJ", null, List.of("3", "5")),
                        org.assertj.core.groups.Tuple.tuple(onward, "ICE", first, List.of("3", "5")));
        assertThat(recall.items().get(0).deliveredName()).isEqualTo("answers.csv.p7m");
        assertThat(single(AuditEventType.RECALL_ISSUED).entry().change()).contains("requests R-002");

        Recall both = issue(new RecallScope(List.of(), Optional.of(AGREEMENT), Optional.empty(), Optional.empty(),
                List.of("R-003")));
        assertThat(both.items()).extracting(RecallItem::transfer, RecallItem::recordIds).containsExactly(
                org.assertj.core.groups.Tuple.tuple(first, List.of("4")),
                org.assertj.core.groups.Tuple.tuple(onward, List.of("4")),
                org.assertj.core.groups.Tuple.tuple(second, List.of("2")));
        java.time.Instant day = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        Recall inPeriod = issue(new RecallScope(List.of(), Optional.of(AGREEMENT), Optional.of(day),
                Optional.of(day.plus(Duration.ofDays(1))), List.of("R-003")));
        assertThat(inPeriod.items()).extracting(RecallItem::transfer).containsExactly(first, onward, second);
        Recall narrowed = issue(new RecallScope(List.of(second), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of("R-003", "R-004")));
        assertThat(narrowed.items()).extracting(RecallItem::transfer, RecallItem::recordIds)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(second, List.of("2", "3")));
    }

    @Test
    @DisplayName("Requests that are unknown, unanswered, or not answered in the transfers named. Result: refused"
            + " naming them (404 for the unknown one), and nothing recorded.")
    void badRequestsAreRefusedNamingThem() throws Exception {
        String first = answer("answers.csv", "R-001", "R-002");

        refused(List.of(), List.of("R-001", "R-099"), ErrorCode.NOT_FOUND, "requests", "R-099");
        refused(List.of(), List.of("R-005"), ErrorCode.BAD_INPUT, "requests", "R-005");
        String second = answer("answers-2.csv", "R-003");
        refused(List.of(second), List.of("R-002"), ErrorCode.BAD_INPUT, "transfers", second);
        refused(List.of(first, second), List.of("R-002"), ErrorCode.BAD_INPUT, "transfers", second);
        java.time.Instant day = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        assertThatThrownBy(() -> issue(new RecallScope(List.of(), Optional.of(AGREEMENT),
                Optional.of(day.minus(Duration.ofDays(9))), Optional.of(day), List.of("R-002"))))
                .isInstanceOfSatisfying(SafegateException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
                    assertThat(e.getMessage()).contains("R-002", "no delivered answer under " + AGREEMENT);
                });

        assertThat(events(AuditEventType.RECALL_ISSUED)).isEmpty();
    }

    @Test
    @DisplayName("DOJ's inbox cannot be written when the IRS answers, then it is back. Result: the retry delivers;"
            + " the recall by request finds each answer record once.")
    void anAnswerFileHeldAndRetried_resultItsRecordsRecordedOnce() throws Exception {
        Path answers = drop("IRS", AGREEMENT, "answers.csv", answers("R-002", "R-001", "R-002"));
        Path blocked = write(inbox("DOJ").resolve(AGREEMENT), "not a folder".getBytes(StandardCharsets.UTF_8));
        assertThat(process("IRS", answers)).isEqualTo(TransferOutcome.HELD);
        Files.delete(blocked);
        clock.advance(Duration.ofSeconds(3));
        assertThat(process("IRS", answers)).isEqualTo(TransferOutcome.DELIVERED);

        Recall recall = issue(new RecallScope(List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of("R-002")));

        assertThat(recall.items()).singleElement().satisfies(i -> assertThat(i.recordIds()).containsExactly("2", "4"));
    }

    /** The IRS's answer file to the requests (one record per id given, in order); returns its delivered transfer. */
    private String answer(String name, String... ids) throws Exception {
        byte[] content = answers(ids);
        assertThat(process("IRS", drop("IRS", AGREEMENT, name, content))).isEqualTo(TransferOutcome.DELIVERED);
        // every answer passed, so what DOJ holds is the file as the IRS sent it (and is recognised when passed on)
        assertThat(openAsDoj(inbox("DOJ").resolve(AGREEMENT).resolve(name + ".p7m"))).isEqualTo(content);
        return events(AuditEventType.TRANSFER_DELIVERED).stream().filter(e -> e.entry().object().equals(name))
                .findFirst().orElseThrow().entry().transferId();
    }

    private static byte[] answers(String... ids) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < ids.length; i++) {
            csv.append(ids[i]).append(",\"").append(300 + i).append(" CEDAR CT, SPRINGFIELD, IL 62701\"\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Recall issue(RecallScope scope) {
        return issuer().issue(new RecallIssuer.Request(scope, "answers to requests made without a case",
                "Destroy these answer records", Optional.empty()), "olga", "admin API");
    }

    private RecallIssuer issuer() {
        return new RecallIssuer(new RecallResolution(new AuditStore(gateway.database()),
                new AnswerRecords(gateway.database()), new StoredPassedRequests(gateway.database())),
                gateway.auditLog(), clock, Period.ofDays(30));
    }

    private void refused(List<String> transfers, List<String> requests, ErrorCode code, String field, String names) {
        assertThatThrownBy(() -> issue(new RecallScope(transfers, Optional.empty(), Optional.empty(), Optional.empty(),
                requests))).isInstanceOfSatisfying(SafegateException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.field()).contains(field);
                    assertThat(e.getMessage()).contains(names);
                });
    }

    /** DOJ's requests numbered {@code ids}, each meeting the statute. */
    private static byte[] requests(int... ids) {
        StringBuilder csv = new StringBuilder(
                "request_id,name,street,city,state,zip,taxable_periods,statute,reason,requesting_official\n");
        for (int i : ids) {
            csv.append(String.format("R-%03d,PERSON %03d SAMPLE,%d MAIN ST,SPRINGFIELD,IL,62701,2024,%s,"
                    + "\"Investigation DOJ-2025-%04d needs the address\",\"US Attorney, DOJ\"%n", i, i, 100 + i,
                    STATUTE, i));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
