package org.safegate.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditEventType;
import org.safegate.policy.model.Finding;
import org.safegate.testing.TestClocks;

/** Events recorded at the same time are applied one after the other: none is lost. */
class SafeguardEventsConcurrencyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = TestClocks.CASE_DATE;

    @TempDir
    Path dir;
    private AdminWorkspace ws;

    @BeforeEach
    void open() throws IOException {
        ws = AdminWorkspace.open(dir, TestClocks.runningFromCaseDay());
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void eightOfficersOpeningFindingsAtOnceLoseNone() throws Exception {
        int officers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(officers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < officers; i++) {
                String id = "F-1" + i;
                String operator = "officer-" + i;
                done.add(pool.submit(() -> {
                    start.await();
                    return ws.gateway.safeguardEvents().record("ICE", JSON.readTree("{\"type\": \"finding-opened\", "
                            + "\"id\": \"" + id + "\", \"severity\": \"low\", \"opened\": \"" + TODAY + "\"}"), operator);
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> ids = ws.gateway.policies().get().safeguardsOf("ICE").findings().stream().map(Finding::id).toList();
        assertThat(ids).containsExactlyInAnyOrder("F-01", "F-02", "F-10", "F-11", "F-12", "F-13", "F-14", "F-15",
                "F-16", "F-17");
        assertThat(Files.readString(ws.policies().resolve("safeguards/ice.yaml"))).contains("F-10", "F-17");
        assertThat(ws.events(AuditEventType.SAFEGUARD_EVENT)).hasSize(officers)
                .extracting(e -> e.entry().actor()).doesNotHaveDuplicates();
        assertThat(AdminWorkspace.listAll(ws.data().resolve("policy-history/safeguards_ice.yaml")).stream()
                .filter(p -> p.toString().endsWith(".yaml"))).as("the first version and one after each event")
                .hasSize(officers + 1);
    }

    @Test
    void whileAnotherFileOfTheFolderIsBrokenNoEventIsRecorded() throws IOException {
        Path irs = ws.policies().resolve("agencies/irs.yaml");
        Files.writeString(irs, Files.readString(irs) + "colour: blue\n");
        String ice = Files.readString(ws.policies().resolve("safeguards/ice.yaml"));

        assertThatThrownBy(() -> ws.gateway.safeguardEvents().record("ICE", JSON.readTree(
                "{\"type\": \"finding-closed\", \"id\": \"F-01\", \"closed\": \"" + TODAY + "\"}"), "olga"))
                .isInstanceOfSatisfying(SafegateException.class, problem -> {
                    assertThat(problem.code()).isEqualTo(ErrorCode.POLICY_FOLDER_INVALID);
                    assertThat(problem.getMessage()).contains("irs.yaml").contains("colour");
                });

        assertThat(ws.policies().resolve("safeguards/ice.yaml")).hasContent(ice);
        assertThat(ws.events(AuditEventType.SAFEGUARD_EVENT)).isEmpty();
    }
}
