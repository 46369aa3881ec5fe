package org.safegate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safegate.store.GatewayNodes.Node;
import org.safegate.store.GatewayNodes.State;

/** The node registry in the real store (SQLite and PostgreSQL): registered, beating, silent, stopped. */
class GatewayNodesTest {
    private static final Instant START = Instant.parse("2026-12-01T12:00:00Z");
    private static final Duration BEAT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private static Node node(String id, Instant at) {
        return new Node(id, "gw1", 4242, "1.0", at, at, BEAT, "a".repeat(64), 0, false);
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aRegisteredNodeRunsUntilItMissesMoreThanThreeHeartbeats(TestStores store) {
        try (Database database = store.open(dir)) {
            GatewayNodes nodes = new GatewayNodes(database);
            nodes.register(node("gw1-4242", START));

            assertThat(nodes.heartbeat("gw1-4242", START.plusSeconds(5), "b".repeat(64), 3)).isTrue();

            Node node = nodes.all().get(0);
            assertThat(node).isEqualTo(new Node("gw1-4242", "gw1", 4242, "1.0", START, START.plusSeconds(5), BEAT,
                    "b".repeat(64), 3, false));
            Instant lastBeat = START.plusSeconds(5);
            assertThat(node.state(lastBeat.plus(BEAT.multipliedBy(3)))).as("three heartbeats missed")
                    .isEqualTo(State.RUNNING);
            assertThat(node.state(lastBeat.plus(BEAT.multipliedBy(3)).plusMillis(1))).isEqualTo(State.SILENT);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aStoppedNodeStaysStoppedUntilItRegistersAgain(TestStores store) {
        try (Database database = store.open(dir)) {
            GatewayNodes nodes = new GatewayNodes(database);
            nodes.register(node("gw1-4242", START));
            nodes.register(node("gw2-77", START));

            assertThat(nodes.stopped("gw1-4242", START.plusSeconds(7), "a".repeat(64), 0)).isTrue();
            assertThat(nodes.heartbeat("gw1-4242", START.plusSeconds(8), "a".repeat(64), 0))
                    .as("a late heartbeat does not bring it back").isFalse();

            assertThat(nodes.all()).extracting(Node::id).containsExactly("gw1-4242", "gw2-77");
            Node stopped = nodes.all().get(0);
            assertThat(stopped.state(START.plus(Duration.ofDays(1)))).isEqualTo(State.STOPPED);
            assertThat(stopped.lastHeartbeat()).isEqualTo(START.plusSeconds(7));

            nodes.register(node("gw1-4242", START.plusSeconds(60)));
            assertThat(nodes.all().get(0).startedAt()).isEqualTo(START.plusSeconds(60));
            assertThat(nodes.all().get(0).state(START.plusSeconds(60))).isEqualTo(State.RUNNING);
            assertThat(nodes.heartbeat("gw9-1", START, "a".repeat(64), 0)).as("never registered").isFalse();
        }
    }
}
