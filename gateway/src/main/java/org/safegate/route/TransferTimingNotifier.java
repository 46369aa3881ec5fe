package org.safegate.route;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.safegate.admin.TransferTimings;

/** Reports how long each file an outbox route took, from pickup to outcome, for the metrics. */
final class TransferTimingNotifier extends EventNotifierSupport {
    private final TransferTimings timings;

    TransferTimingNotifier(TransferTimings timings) {
        this.timings = timings;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeCompletedEvent || event instanceof CamelEvent.ExchangeFailedEvent) {
            Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
            String route = exchange.getFromRouteId();
            if (route != null && route.startsWith("outbox-")) {
                timings.record(exchange.getClock().elapsed());
            }
        }
    }
}
