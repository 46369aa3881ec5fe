package org.safegate.transfer;

import java.io.IOException;
import java.util.Optional;

/**
 * A folder of an agency's inbox, on this machine ({@link LocalFolder}) or on a server reached by
 * SFTP. Delivery and receipts go through this interface only, so both kinds share one exactly-once
 * protocol: content is written complete under a hidden temporary name (a name starting with
 * {@code .}, which recipients ignore), then made visible under its final name in one step that
 * never replaces another file.
 *
 * <p>Every method either completes or throws; a failure (server down, login refused, host key not
 * the pinned one, disk full) is an {@link IOException} or a {@link org.safegate.SafegateException}
 * whose message says what went wrong, and the caller holds the file to try again later.
 */
public interface InboxFolder {

    /** The folder {@code name} inside this one (created when something is written to it). */
    InboxFolder child(String name);

    /** Where the folder is, for messages; never a secret. */
    String describe();

    /**
     * Writes the content under the hidden temporary name of {@code tag}, complete and (where the
     * server can) durable, replacing what an interrupted attempt left there.
     */
    void writeTemp(String tag, DurableFiles.Content content) throws IOException;

    /**
     * The name the temporary content of {@code tag} is to be published under: the first free one of
     * {@code stem + suffix}, {@code stem.2 + suffix}, ... (or the name an interrupted attempt already
     * published it under, where that can be told). Nothing is created.
     */
    String nameFor(String tag, String stem, String suffix) throws IOException;

    /**
     * Makes the temporary content of {@code tag} visible as exactly {@code name}, never replacing
     * another file. Calling it again after it succeeded (a resumed run) changes nothing.
     */
    void publishTemp(String tag, String name) throws IOException;

    /** Whether content is waiting under the temporary name of {@code tag}. */
    boolean hasTemp(String tag) throws IOException;

    /** Removes the temporary name of {@code tag}, if it is still there. */
    void removeTemp(String tag) throws IOException;

    /**
     * Writes the content and publishes it under the first free name of {@code stem + suffix},
     * {@code stem.2 + suffix}, ...; returns the name used.
     */
    String publish(String stem, String suffix, String tag, DurableFiles.Content content) throws IOException;

    /** The content of the published file {@code name}, or empty when there is none. */
    Optional<byte[]> read(String name) throws IOException;

    /** Whether a file (or anything else) is there under {@code name}. */
    boolean exists(String name) throws IOException;
}
