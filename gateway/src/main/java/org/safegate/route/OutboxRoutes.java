package org.safegate.route;

import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.safegate.transfer.TransferProcessor;

/**
 * One route per agency outbox, and one that reloads the policies. Wiring only: each file found
 * goes to the {@link TransferProcessor}, which moves it away when it reaches an outcome (so the
 * consumer neither deletes nor remembers files: a held file is simply seen again on a later poll).
 */
public final class OutboxRoutes extends RouteBuilder {
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
            // readLock=changed waits until a file has stopped growing
            fromF("file:%s?recursive=true&noop=true&idempotent=false&autoCreate=true&delay=500"
                    + "&readLock=changed&readLockMinAge=1000&readLockCheckInterval=250&readLockTimeout=60000"
                    + "&sortBy=file:modified", folder)
                    .routeId("outbox-" + agency)
                    .process(exchange -> gateway.processor().process(agency, folder,
                            Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class))));
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
