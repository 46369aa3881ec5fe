package org.safegate.route;

import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.safegate.transfer.TransferProcessor;

/**
 * One route per agency outbox, and one that reloads the policies. Wiring only: each file found
 * goes, on its lane ({@link OutboxLanes}), to the {@link TransferProcessor}, which moves it away
 * when it reaches an outcome (so the consumer neither deletes nor remembers files: a held file is
 * simply seen again on a later poll).
 */
public final class OutboxRoutes extends RouteBuilder {
    /** Most files one poll of an outbox hands on. */
    private static final int BATCH = 1000;

    private final Gateway gateway;

    public OutboxRoutes(Gateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void configure() {
        for (Map.Entry<String, Path> outbox : gateway.outboxes().entrySet()) {
            String agency = outbox.getKey();
            Path folder = outbox.getValue();
            // hidden files (a name starting with '.') are files still being written: Camel skips them;
            // readLock=changed waits until a file has stopped changing for a second; an empty file is taken too
            // (and quarantined) rather than waited on forever
            // a poll takes at most a bounded batch, the oldest first, so memory does not grow with a backlog
            fromF("file:%s?recursive=true&noop=true&idempotent=false&autoCreate=true&delay=500"
                    + "&readLock=changed&readLockMinAge=1000&readLockMinLength=0&readLockCheckInterval=250&readLockTimeout=60000"
                    + "&sortBy=file:modified&maxMessagesPerPoll=%d&eagerMaxMessagesPerPoll=false", folder, BATCH)
                    .routeId("outbox-" + agency)
                    .process(new OutboxLanes(agency, folder, gateway.lanesPerOutbox(),
                            (root, file) -> gateway.processor().process(agency, root, file)));
        }
        for (String agency : gateway.sftpOutboxes()) {
            // an SFTP outbox is taken into its spool folder, which the route above watches
            fromF("timer:sftp-pickup-%s?delay=0&period=1000", agency)
                    .routeId("sftp-pickup-" + agency)
                    .process(exchange -> gateway.pickUp(agency));
        }
        from("timer:policy-reload?period=2000")
                .routeId("policy-reload")
                .process(exchange -> gateway.policies().reloadIfChanged());
    }
}
