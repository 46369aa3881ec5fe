package org.safegate.route;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;

/**
 * Keeps an outbox's file consumer out of symbolic links. Camel lists folders through links and
 * leaves its read-lock markers beside the files it finds, so a linked folder (or a linked outbox)
 * would have the gateway list, and write into, a folder its sender chose. A link found in the
 * outbox, or the outbox being one, is not followed but handed on as it is, and the processor
 * quarantines the link itself ({@code LINK_REFUSED}). As a filter it sees every entry before the
 * consumer descends into it or locks it; as the poll strategy, the outbox itself before each poll.
 * As the filter it also holds back a file until it has stopped changing ({@link QuietFiles}).
 */
final class OutboxLinkGuard extends DefaultPollingConsumerPollStrategy implements GenericFileFilter<File> {
    private final Path outbox;
    private final Consumer<Path> refuse;
    private final QuietFiles quiet;
    /** The marker Camel's read lock keeps beside a file while a run holds it. */
    private static final String CAMEL_LOCK = ".camelLock";

    /** {@code refuse} takes a link to quarantine; it must return at once and never throw. */
    OutboxLinkGuard(Path outbox, Consumer<Path> refuse) {
        this(outbox, refuse, new QuietFiles(Duration.ofSeconds(1), System::nanoTime));
    }

    OutboxLinkGuard(Path outbox, Consumer<Path> refuse, QuietFiles quiet) {
        this.outbox = outbox;
        this.refuse = refuse;
        this.quiet = quiet;
    }

    /** No poll of an outbox that is itself a link; the link goes to quarantine instead. */
    @Override
    public boolean begin(org.apache.camel.Consumer consumer, Endpoint endpoint) {
        if (Files.isSymbolicLink(outbox)) {
            refuse.accept(outbox);
            return false;
        }
        quiet.forgetGone();
        return true;
    }

    /** A link is neither descended into nor read-locked; it goes to quarantine instead. */
    @Override
    public boolean accept(GenericFile<File> file) {
        // the same form of path the consumer gives the lanes for a file
        Path entry = Path.of(file.getAbsoluteFilePath());
        if (Files.isSymbolicLink(entry)) {
            refuse.accept(entry);
            return false;
        }
        // a file still being written is left for a later poll; folders are always descended into. A file with a
        // read-lock marker beside it is Camel's to judge: at the first poll Camel asks this filter whether a marker
        // a killed run left is its own to delete, and a marker kept would keep its file from ever being taken
        return file.isDirectory() || quiet.settled(entry, file.getFileLength(), file.getLastModified())
                || Files.exists(entry.resolveSibling(entry.getFileName() + CAMEL_LOCK), LinkOption.NOFOLLOW_LINKS);
    }
}
