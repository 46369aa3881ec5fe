package org.safegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.time.LocalDate;
import java.util.List;
import org.safegate.admin.ApiGateway;
import org.safegate.admin.TransferTimings;
import org.safegate.app.Gateway;
import org.safegate.policy.ReasonCode;
import org.safegate.policy.SafeguardGate;
import org.safegate.testing.TestClocks;

/** {@code agency list} and {@code agency show}: the same standing on the store and through the running gateway. */
class AgencyCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theAgenciesReadTheSameOnTheStoreAndThroughTheApi() throws Exception {
        EverydayWorkspace ws = new EverydayWorkspace(dir);
        EverydayWorkspace.Result list = ws.direct("admin", "agency", "list", "--json");
        EverydayWorkspace.Result show = ws.direct("admin", "agency", "show", "ICE", "--json");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(show.exit()).as(show.err()).isZero();
        JsonNode agencies = JSON.readTree(list.out());
        assertThat(agencies.path("agencies")).extracting(a -> a.path("id").asText()).contains("DOJ", "ICE", "IRS");
        JsonNode ice = JSON.readTree(show.out());
        assertThat(ice.path("current").asBoolean()).isFalse();
        assertThat(ice.path("reasons")).extracting(r -> r.path("code").asText()).contains("CAP_ITEM_UNDATED");
        assertThat(ice.path("endpoints").path("outbox").path("type").asText()).isEqualTo("file");

        try (ApiGateway api = ApiGateway.start(dir, Map.of())) {
            EverydayWorkspace.Result remoteList = ws.remote(api, "admin", "agency", "list", "--json");
            EverydayWorkspace.Result remoteShow = ws.remote(api, "admin", "agency", "show", "ICE", "--json");

            assertThat(remoteList.exit()).as(remoteList.err()).isZero();
            assertThat(JSON.readTree(remoteList.out())).isEqualTo(agencies);
            assertThat(JSON.readTree(remoteShow.out())).isEqualTo(ice);
            EverydayWorkspace.Result unknown = ws.remote(api, "admin", "agency", "show", "NOPE");
            assertThat(unknown.exit()).isEqualTo(2);
            assertThat(unknown.err()).contains("NOT_FOUND").contains("'NOPE'");
        }
    }

    @Test
    void theTextIsATableOfEveryAgencyAndItsReasons() throws Exception {
        // the standing reads as policy check words it: current, not-current or provider-only
        EverydayWorkspace ws = new EverydayWorkspace(dir);

        EverydayWorkspace.Result list = ws.direct("admin", "agency", "list");
        EverydayWorkspace.Result show = ws.direct("admin", "agency", "show", "ICE");

        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out().lines().findFirst()).hasValueSatisfying(header ->
                assertThat(header).startsWith("AGENCY").contains("STATUS").contains("REASONS"));
        assertThat(list.out()).containsPattern("(?m)^ICE +U\\.S\\. Immigration.* not-current +no +.*CAP_ITEM_UNDATED")
                .containsPattern("(?m)^DOJ +U\\.S\\. Department of Justice +current +no +\\d{4}-\\d{2}-\\d{2} [A-Z_]+ +-$");
        assertThat(show.out()).containsPattern("(?m)^status +not-current$").contains("CAP_ITEM_UNDATED")
                .containsPattern("(?m)^revoked +no$").contains("DOJ-ICE-2024");
    }

    private static final List<String> SAFEGUARD_KINDS = List.of("REVIEW_STALE", "SSR_DUE", "CAP_UPDATE_DUE",
            "CAP_ITEM_DUE", "CRITICAL_MITIGATION_DUE");

    @Test
    void theUpcomingReasonsAreTheFirstDaysTheRulesGiveThem() throws Exception {
        EverydayWorkspace ws = new EverydayWorkspace(dir);

        EverydayWorkspace.Result show = ws.direct("admin", "agency", "show", "DOJ", "--json");
        EverydayWorkspace.Result text = ws.direct("admin", "agency", "show", "DOJ");

        assertThat(show.exit()).as(show.err()).isZero();
        JsonNode upcoming = JSON.readTree(show.out()).path("upcoming");
        LocalDate ssrLate = LocalDate.of(TestClocks.CASE_DATE.getYear() + 1, 2, 1);
        assertThat(upcoming).anySatisfy(u -> {
            assertThat(u.path("reason").asText()).isEqualTo("SSR_MISSING");
            assertThat(u.path("kind").asText()).isEqualTo("SSR_DUE");
            assertThat(u.path("day").asText()).isEqualTo(ssrLate.toString());
        });
        assertThat(text.out()).containsPattern("(?m)^from " + ssrLate + " +SSR_MISSING: ");
        try (Gateway gateway = ws.openGateway()) {
            SafeguardGate gate = gateway.adminServices(new TransferTimings()).gate();
            assertThat(gate.status("DOJ", TestClocks.CASE_DATE).permitted()).isTrue();
            for (JsonNode u : upcoming) {
                if (!SAFEGUARD_KINDS.contains(u.path("kind").asText())) {
                    continue; // certificates, CRLs and agreements: decided per agreement, not in DOJ's standing
                }
                LocalDate day = LocalDate.parse(u.path("day").asText());
                ReasonCode code = ReasonCode.valueOf(u.path("reason").asText());
                assertThat(gate.status("DOJ", day).codes()).as(u.toString()).contains(code);
                assertThat(gate.status("DOJ", day.minusDays(1)).codes()).as(u.toString()).doesNotContain(code);
            }
        }
    }

    @Test
    void anUnknownAgencyIsNamedAndAMissingPermissionToo() throws Exception {
        EverydayWorkspace ws = new EverydayWorkspace(dir);

        EverydayWorkspace.Result unknown = ws.direct("admin", "agency", "show", "NOPE", "--json");
        EverydayWorkspace.Result forbidden = ws.direct("officer", "agency", "list");

        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("NOT_FOUND").contains("'NOPE'");
        assertThat(unknown.out()).isEmpty();
        assertThat(forbidden.exit()).isEqualTo(2);
        assertThat(forbidden.err()).contains("agencies:read");
    }
}
