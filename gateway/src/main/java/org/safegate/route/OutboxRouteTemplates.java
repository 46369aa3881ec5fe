package org.safegate.route;

import org.apache.camel.Ordered;
import org.apache.camel.builder.RouteBuilder;

/**
 * The route templates every agency's outbox routes are made from ({@link AgencyOutboxRoutes}).
 * Wiring only: the folder is a template parameter, the lanes, the link guard and the SFTP pickup
 * are beans local to each route made from a template (referred to as {@code {{name}}}: Camel
 * gives each its own name in the registry). Every route opts into {@link OutboxErrorHandling}.
 * Added before the routes that use them.
 */
public final class OutboxRouteTemplates extends RouteBuilder {
    static final String OUTBOX = "outbox-template";
    static final String TAKEN = "taken-template";
    static final String SFTP_PICKUP = "sftp-pickup-template";
    /** Most files one poll of an outbox hands on. */
    private static final int BATCH = 1000;

    @Override
    public void configure() {
        // hidden files (a name starting with '.') are files still being written: Camel skips them;
        // readLock=changed waits until a file has stopped changing for a second; an empty file is taken too
        // (and quarantined) rather than waited on forever; a poll takes at most a bounded batch, the oldest
        // first, so memory does not grow with a backlog; links are never followed: the guard (filter and
        // poll strategy) hands each to the agency's current lanes to be quarantined
        routeTemplate(OUTBOX).templateParameter("folder")
                .from("file:{{folder}}?recursive=true&noop=true&idempotent=false&autoCreate=true&delay=500"
                        + "&readLock=changed&readLockMinAge=1000&readLockMinLength=0&readLockCheckInterval=250"
                        + "&readLockTimeout=60000&sortBy=file:modified&maxMessagesPerPoll=" + BATCH
                        + "&eagerMaxMessagesPerPoll=false&filter=#{{guard}}&pollStrategy=#{{guard}}")
                .routeConfigurationId(OutboxErrorHandling.ID)
                .process("{{lanes}}");
        // files taken but not finished (held, or left by a stopped run) are retried from the private folder,
        // where only the gateway writes: no read lock is needed, and the half-copied ones have hidden names
        routeTemplate(TAKEN).templateParameter("folder")
                .from("file:{{folder}}?recursive=true&noop=true&idempotent=false&delay=1000"
                        + "&sortBy=file:modified&maxMessagesPerPoll=" + BATCH + "&eagerMaxMessagesPerPoll=false")
                .routeConfigurationId(OutboxErrorHandling.ID)
                .process("{{lanes}}");
        // an SFTP outbox is taken into its spool folder, which the outbox route watches
        routeTemplate(SFTP_PICKUP).templateParameter("agency")
                .from("timer:sftp-pickup-{{agency}}?delay=0&period=1000")
                .routeConfigurationId(OutboxErrorHandling.ID)
                .process("{{pickup}}");
    }

    /** Before any builder that makes routes from these templates. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST;
    }
}
