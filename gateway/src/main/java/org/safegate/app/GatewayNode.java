package org.safegate.app;

import java.time.Clock;
import java.time.Duration;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.safegate.OperatorLog;
import org.safegate.config.NodeSettings;
import org.safegate.store.GatewayNodes;
import org.slf4j.Logger;

/**
 * This gateway's row in the node registry: registered when it starts to run, a heartbeat every
 * {@link NodeSettings#heartbeat()} (with the policy set's version and the transfers in flight),
 * stopped when it stops cleanly. A node that dies stops beating and is shown as silent.
 */
public final class GatewayNode {
    private static final Logger LOG = OperatorLog.logger("node");

    private final NodeSettings settings;
    private final GatewayNodes registry;
    private final Clock clock;
    private final Supplier<String> policyVersion;
    private final IntSupplier inFlight;

    GatewayNode(NodeSettings settings, GatewayNodes registry, Clock clock, Supplier<String> policyVersion,
                IntSupplier inFlight) {
        this.settings = settings;
        this.registry = registry;
        this.clock = clock;
        this.policyVersion = policyVersion;
        this.inFlight = inFlight;
    }

    /** This node's id ({@code safegate.node.id}). */
    public String id() {
        return settings.id();
    }

    public Duration heartbeat() {
        return settings.heartbeat();
    }

    public GatewayNodes registry() {
        return registry;
    }

    /** Records this node as running, started now, with the gateway's version. */
    public void register(String version) {
        java.time.Instant now = clock.instant();
        registry.register(new GatewayNodes.Node(id(), NodeSettings.localHostName(), ProcessHandle.current().pid(),
                version, now, now, heartbeat(), policyVersion.get(), inFlight.getAsInt(), false));
        OperatorLog.line("NODE-REGISTERED").with("node", id()).with("heartbeat", heartbeat()).info(LOG);
    }

    /** One heartbeat (the timer route calls it). */
    public void beat() {
        registry.heartbeat(id(), clock.instant(), policyVersion.get(), inFlight.getAsInt());
    }

    /** Records a clean stop; a store that cannot take it leaves the node to be shown as silent. */
    public void stopped() {
        try {
            registry.stopped(id(), clock.instant(), policyVersion.get(), inFlight.getAsInt());
        } catch (RuntimeException e) {
            OperatorLog.line("NODE-STOP-NOT-RECORDED").with("node", id()).with("error", e.getMessage()).warn(LOG);
        }
    }
}
