package org.safegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.admin.ApiGateway;
import org.safegate.app.Gateway;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.AuditStore;
import org.safegate.store.Database;
import org.safegate.store.DatabaseSettings;
import org.safegate.transfer.TransferOutcome;

/**
 * {@code transfers held|quarantined|release} and {@code audit show --json}: quarantined originals
 * listed and released from the data folder or through the running gateway, with the API's JSON.
 */
class TransfersCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSV = "tin,name,address\n123456789,Jane Roe,1 Main St\n";

    @TempDir
    Path dir;
    private EverydayWorkspace ws;

    @BeforeEach
    void workspace() throws IOException {
        ws = new EverydayWorkspace(dir);
    }

    @Test
    void aQuarantinedOriginalIsListedAndReleasedFromTheDataFolderAsTheAdministrator() throws Exception {
        String id = deny("cases.csv");

        EverydayWorkspace.Result list = ws.direct("admin", "transfers", "quarantined", "--json");
        EverydayWorkspace.Result text = ws.direct("admin", "transfers", "quarantined");

        assertThat(list.exit()).as(list.err()).isZero();
        JsonNode listed = JSON.readTree(list.out()).path("transfers");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("id").asText()).isEqualTo(id);
        assertThat(listed.get(0).path("state").asText()).isEqualTo("quarantined");
        assertThat(listed.get(0).path("reasons").toString()).contains("CAP_ITEM_UNDATED");
        assertThat(text.out()).startsWith("ID").containsPattern("(?m)^" + id + " +DOJ +DOJ-ICE-2024 +cases.csv ");

        EverydayWorkspace.Result release = ws.direct("admin", "transfers", "release", id, "--json");

        assertThat(release.exit()).as(release.err()).isZero();
        JsonNode released = JSON.readTree(release.out());
        assertThat(released.path("id").asText()).isEqualTo(id);
        assertThat(released.path("released").asBoolean()).isTrue();
        assertThat(released.path("releasedBy").asText()).isEqualTo("admin");
        assertThat(dir.resolve("work/DOJ/outbox/DOJ-ICE-2024/cases.csv")).hasContent(CSV);
        assertThat(events(AuditEventType.TRANSFER_RELEASED)).singleElement().satisfies(e -> {
            assertThat(e.entry().actor()).isEqualTo("admin");
            assertThat(e.entry().transferId()).isEqualTo(id);
        });
        EverydayWorkspace.Result again = ws.direct("admin", "transfers", "release", id);
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("already released by admin");
        assertThat(ws.direct("admin", "transfers", "quarantined").out()).contains("no quarantined transfers");
    }

    @Test
    void unknownIdsMissingPermissionsAndHeldFilesWithoutTheGatewayAreRefusedByName() throws Exception {
        String id = deny("cases.csv");

        EverydayWorkspace.Result unknown = ws.direct("admin", "transfers", "release", "T-none");
        EverydayWorkspace.Result auditor = ws.direct("auditor", "transfers", "quarantined");
        EverydayWorkspace.Result officer = ws.direct("officer", "transfers", "release", id);
        EverydayWorkspace.Result held = ws.direct("admin", "transfers", "held", "--json");
        EverydayWorkspace.Result heldRelease = ws.direct("admin", "transfers", "release", "held-000000000000000000000000");

        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("NOT_FOUND").contains("'T-none'");
        assertThat(auditor.exit()).isEqualTo(2);
        assertThat(auditor.err()).contains("transfers:read");
        assertThat(officer.exit()).isEqualTo(2);
        assertThat(officer.err()).contains("transfers:release");
        assertThat(dir.resolve("work/DOJ/outbox/DOJ-ICE-2024/cases.csv")).doesNotExist();
        assertThat(held.exit()).isEqualTo(2);
        assertThat(held.err()).contains("running gateway").contains("--server");
        assertThat(held.out()).isEmpty();
        assertThat(heldRelease.exit()).isEqualTo(2);
        assertThat(heldRelease.err()).contains("--server");
    }

    @Test
    void throughTheRunningGatewayTheListsReleaseAndAuditTrailAreTheApisAndReadAsOnTheStore() throws Exception {
        String id = deny("cases.csv");
        JsonNode direct = JSON.readTree(ws.direct("admin", "transfers", "quarantined", "--json").out());
        EverydayWorkspace.Result trail = ws.run(List.of("audit", "show", id, "--json", "--config", ws.config.toString()));
        assertThat(trail.exit()).as(trail.err()).isZero();
        JsonNode directTrail = JSON.readTree(trail.out());
        assertThat(directTrail.path("transfer").asText()).isEqualTo(id);
        assertThat(directTrail.path("events")).extracting(e -> e.path("type").asText()).contains("TRANSFER_DENIED");
        EverydayWorkspace.Result noTrail = ws.run(List.of("audit", "show", "T-none", "--json", "--config",
                ws.config.toString()));
        assertThat(noTrail.exit()).isEqualTo(2);
        assertThat(noTrail.err()).contains("'T-none'");

        try (ApiGateway api = ApiGateway.start(dir, Map.of())) {
            EverydayWorkspace.Result quarantined = ws.remote(api, "admin", "transfers", "quarantined", "--json");
            EverydayWorkspace.Result held = ws.remote(api, "admin", "transfers", "held", "--json");
            EverydayWorkspace.Result remoteTrail = ws.remote(api, "auditor", "audit", "show", id, "--json");

            assertThat(quarantined.exit()).as(quarantined.err()).isZero();
            assertThat(JSON.readTree(quarantined.out())).isEqualTo(direct);
            assertThat(held.exit()).as(held.err()).isZero();
            assertThat(JSON.readTree(held.out()).path("transfers")).isEmpty();
            assertThat(remoteTrail.exit()).as(remoteTrail.err()).isZero();
            assertThat(JSON.readTree(remoteTrail.out())).isEqualTo(directTrail);

            EverydayWorkspace.Result unknown = ws.remote(api, "admin", "transfers", "release", "T-none", "--json");
            assertThat(unknown.exit()).isEqualTo(2);
            assertThat(unknown.err()).contains("NOT_FOUND").contains("T-none");
            EverydayWorkspace.Result forbidden = ws.remote(api, "auditor", "transfers", "release", id);
            assertThat(forbidden.exit()).isEqualTo(2);
            assertThat(forbidden.err()).contains("FORBIDDEN");

            EverydayWorkspace.Result release = ws.remote(api, "admin", "transfers", "release", id, "--json");

            assertThat(release.exit()).as(release.err()).isZero();
            assertThat(JSON.readTree(release.out()).path("releasedBy").asText()).isEqualTo("admin");
            assertThat(api.events(AuditEventType.TRANSFER_RELEASED)).singleElement()
                    .satisfies(e -> assertThat(e.entry().actor()).isEqualTo("admin"));
        }
    }

    /** Drops a file DOJ may not send to ICE today (ICE's CAP items are undated) and lets the gateway deny it. */
    private String deny(String name) throws IOException {
        try (Gateway gateway = ws.openGateway()) {
            Path outbox = gateway.outboxes().get("DOJ");
            Path file = outbox.resolve("DOJ-ICE-2024").resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, CSV, StandardCharsets.UTF_8);
            assertThat(gateway.process("DOJ", outbox, file)).isEqualTo(TransferOutcome.DENIED);
            return gateway.transferQueue().list(org.safegate.operator.TransferQueue.State.QUARANTINED).get(0).id();
        }
    }

    private List<AuditEvent> events(AuditEventType type) {
        try (Database database = Database.open(DatabaseSettings.embedded(dir.resolve("data")))) {
            return new AuditStore(database).list(AuditQuery.ALL).stream().filter(e -> e.type() == type).toList();
        }
    }
}
