package org.safegate.operator;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.policy.Reason;
import org.safegate.policy.ReasonCode;
import org.safegate.policy.SafeguardRules;
import org.safegate.policy.SafeguardSettings;
import org.safegate.policy.model.CapItem;
import org.safegate.policy.model.Finding;
import org.safegate.policy.model.Safeguards;
import org.safegate.policy.model.Severity;
import org.safegate.policy.model.Ssr;
import org.safegate.testing.TestClocks;
import org.safegate.transfer.TransferOutcome;

/**
 * A security officer records safeguard events in a running gateway: each event rewrites the
 * agency's file, the running policy set reloads, and the very next decision follows it.
 */
class SafeguardEventsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = TestClocks.CASE_DATE;

    @TempDir
    Path dir;
    private AdminWorkspace ws;
    private SafeguardEvents events;

    @BeforeEach
    void open() throws IOException {
        ws = AdminWorkspace.open(dir, TestClocks.runningFromCaseDay());
        events = ws.gateway.safeguardEvents();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void iceBroughtUpToDateByEventsLetsTheNextFileToIceThrough() throws IOException {
        assertThat(ws.process("DOJ", ws.drop("DOJ", "DOJ-ICE-2024", "cases-1.csv", AdminWorkspace.ADDRESSES)))
                .isEqualTo(TransferOutcome.DENIED);
        assertThat(ws.events(AuditEventType.TRANSFER_DENIED).get(0).entry().reasonCodes()).contains("CAP_ITEM_UNDATED");

        record("ICE", "{\"type\": \"review\", \"id\": \"SR-NEW-ICE\", \"completed\": \"" + TODAY + "\"}");
        LocalDate planned = TODAY.plusMonths(3);
        record("ICE", "{\"type\": \"cap-updated\", \"updated\": \"" + TODAY + "\", \"items\": ["
                + "{\"finding\": \"F-01\", \"implementation-date\": \"" + planned + "\"},"
                + "{\"finding\": \"F-02\", \"implementation-date\": \"" + planned + "\"}]}");

        assertThat(ws.process("DOJ", ws.drop("DOJ", "DOJ-ICE-2024", "cases-2.csv", AdminWorkspace.ADDRESSES)))
                .isEqualTo(TransferOutcome.DELIVERED);
        assertThat(safeguards("ICE").cap().orElseThrow().items()).extracting(CapItem::implementationDate)
                .containsExactly(Optional.of(planned), Optional.of(planned));
        assertThat(safeguards("ICE").cap().orElseThrow().items()).extracting(CapItem::action)
                .as("an item change without an action keeps the action")
                .containsExactly("Restrict FTI access to named investigators",
                        "Log every access to FTI and review the logs weekly");
    }

    @Test
    void aNewReviewReplacesTheStaleOne() throws IOException {
        assertThat(reasonsToday("ICE")).contains(ReasonCode.REVIEW_STALE);

        record("ICE", "{\"type\": \"review\", \"id\": \"SR-NEW-ICE\", \"completed\": \"" + TODAY + "\"}");

        assertThat(safeguards("ICE").review().orElseThrow().id()).isEqualTo("SR-NEW-ICE");
        assertThat(reasonsToday("ICE")).doesNotContain(ReasonCode.REVIEW_STALE, ReasonCode.REVIEW_MISSING);
    }

    @Test
    void anSsrFiledForAYearAnswersTheQuestionForThatYear() throws IOException {
        LocalDate february2024 = LocalDate.of(2024, 2, 1);
        assertThat(reasons("ICE", february2024)).contains(ReasonCode.SSR_MISSING);

        record("ICE", "{\"type\": \"ssr\", \"year\": 2023, \"submitted\": \"2024-01-20\"}");

        assertThat(safeguards("ICE").ssrs()).extracting(Ssr::year).containsExactly(2023, 2024, 2025);
        assertThat(reasons("ICE", february2024)).doesNotContain(ReasonCode.SSR_MISSING, ReasonCode.SSR_LATE);
    }

    @Test
    void aCriticalFindingOpenedPastItsWindowMakesTheAgencyNotCurrent() throws IOException {
        assertThat(ws.process("IRS", ws.drop("IRS", "IRS-DOJ-2024", "a.csv", AdminWorkspace.ADDRESSES)))
                .isEqualTo(TransferOutcome.DELIVERED);

        record("DOJ", "{\"type\": \"finding-opened\", \"id\": \"F-07\", \"severity\": \"critical\", \"opened\": \""
                + TODAY.minusDays(10) + "\"}");

        assertThat(safeguards("DOJ").findings()).extracting(Finding::id, Finding::severity)
                .contains(org.assertj.core.groups.Tuple.tuple("F-07", Severity.CRITICAL));
        assertThat(ws.process("IRS", ws.drop("IRS", "IRS-DOJ-2024", "b.csv", AdminWorkspace.ADDRESSES)))
                .isEqualTo(TransferOutcome.DENIED);
        assertThat(ws.events(AuditEventType.TRANSFER_DENIED).get(0).entry().reasonCodes())
                .contains("CRITICAL_FINDING_OPEN", "CAP_ITEM_MISSING");

        record("DOJ", "{\"type\": \"finding-closed\", \"id\": \"F-07\", \"closed\": \"" + TODAY + "\"}");

        assertThat(safeguards("DOJ").findings().stream().filter(f -> f.id().equals("F-07")).findFirst().orElseThrow()
                .closed()).contains(TODAY);
        assertThat(ws.process("IRS", ws.drop("IRS", "IRS-DOJ-2024", "c.csv", AdminWorkspace.ADDRESSES)))
                .isEqualTo(TransferOutcome.DELIVERED);
    }

    @Test
    void aNewCapReplacesTheOldOneWhole() throws IOException {
        assertThat(reasonsToday("ICE")).contains(ReasonCode.CAP_ITEM_UNDATED, ReasonCode.CAP_STALE);

        record("ICE", "{\"type\": \"cap-submitted\", \"submitted\": \"" + TODAY + "\", \"items\": ["
                + "{\"finding\": \"F-01\", \"action\": \"Named \\\"need to know\\\" list\", \"implementation-date\": \""
                + TODAY.plusMonths(2) + "\"},"
                + "{\"finding\": \"F-02\", \"action\": \"Weekly log review\", \"implementation-date\": \""
                + TODAY.plusMonths(4) + "\"}]}");

        var cap = safeguards("ICE").cap().orElseThrow();
        assertThat(cap.submitted()).isEqualTo(TODAY);
        assertThat(cap.updated()).isEmpty();
        assertThat(cap.items()).extracting(CapItem::action).containsExactly("Named \"need to know\" list",
                "Weekly log review");
        assertThat(reasonsToday("ICE")).doesNotContain(ReasonCode.CAP_ITEM_UNDATED, ReasonCode.CAP_STALE,
                ReasonCode.CAP_MISSING);
    }

    @Test
    void anAgencyWithoutASafeguardFileGetsOne() throws IOException {
        assertThat(ws.policies().resolve("safeguards/irs.yaml")).doesNotExist();

        SafeguardEvents.SafeguardChange change = record("IRS",
                "{\"type\": \"review\", \"id\": \"SR-2026-IRS\", \"completed\": \"" + TODAY + "\"}");

        assertThat(change.file()).isEqualTo("safeguards/irs.yaml");
        assertThat(change.before()).isEmpty();
        assertThat(ws.policies().resolve("safeguards/irs.yaml")).content().contains("agency: IRS")
                .contains("review:   { id: SR-2026-IRS, completed: " + TODAY + " }");
        assertThat(safeguards("IRS").review()).isPresent();
    }

    @Test
    void theFilesHeaderCommentIsKeptAndTheRestWrittenInTheUsualShape() throws IOException {
        String before = Files.readString(ws.policies().resolve("safeguards/ice.yaml"));

        record("ICE", "{\"type\": \"finding-closed\", \"id\": \"F-02\", \"closed\": \"" + TODAY + "\"}");

        String after = Files.readString(ws.policies().resolve("safeguards/ice.yaml"));
        assertThat(after).startsWith(before.substring(0, before.indexOf("agency:")));
        assertThat(after).contains("  - { id: F-01, severity: significant, opened: 2023-11-15, status: open }\n")
                .contains("  - { id: F-02, severity: significant, opened: 2023-11-15, status: closed, closed: "
                        + TODAY + " }\n")
                .contains("    - { finding: F-01, action: \"Restrict FTI access to named investigators\", "
                        + "implementation-date: null }\n");
    }

    @Test
    void everyEventIsAuditedWithTheOperatorAndTheFileBeforeAndAfter() throws IOException {
        SafeguardEvents.SafeguardChange change = record("ICE",
                "{\"type\": \"finding-opened\", \"id\": \"F-03\", \"severity\": \"moderate\", \"opened\": \""
                        + TODAY + "\"}");

        List<AuditEvent> audited = ws.events(AuditEventType.SAFEGUARD_EVENT);
        assertThat(audited).hasSize(1);
        AuditEntry entry = audited.get(0).entry();
        assertThat(entry.actor()).isEqualTo("olga");
        assertThat(entry.object()).isEqualTo("safeguards/ice.yaml");
        String beforeDigest = FileChange.sha256(change.before());
        String afterDigest = FileChange.sha256(change.after());
        assertThat(entry.payloadDigest()).isEqualTo("sha256:" + afterDigest);
        assertThat(entry.change()).startsWith("ICE: finding-opened F-03")
                .contains("before sha256:" + beforeDigest).contains("after sha256:" + afterDigest)
                .contains("\n+   - { id: F-03, severity: moderate, opened: " + TODAY + ", status: open }");
        Path history = ws.data().resolve("policy-history/safeguards_ice.yaml");
        assertThat(history.resolve(beforeDigest + ".yaml")).hasContent(change.before());
        assertThat(history.resolve(afterDigest + ".yaml")).hasContent(change.after());
        assertThat(change.after()).isEqualTo(Files.readString(ws.policies().resolve("safeguards/ice.yaml")));
        assertThat(ws.events(AuditEventType.POLICY_LOADED)).as("the running set reloaded").hasSizeGreaterThan(1);
    }

    private SafeguardEvents.SafeguardChange record(String agency, String event) throws IOException {
        JsonNode json = JSON.readTree(event);
        return events.record(agency, json, "olga");
    }

    private Safeguards safeguards(String agency) {
        return ws.gateway.policies().get().safeguardsOf(agency);
    }

    private List<ReasonCode> reasonsToday(String agency) {
        return reasons(agency, TODAY);
    }

    private List<ReasonCode> reasons(String agency, LocalDate day) {
        return new SafeguardRules(SafeguardSettings.DEFAULTS).evaluate(safeguards(agency), day).stream()
                .map(Reason::code).toList();
    }
}
