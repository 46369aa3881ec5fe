package org.safegate.route;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.safegate.transfer.TransferOutcome;

/**
 * What the outbox routes need of the gateway: which outboxes there are now, the policies' reload,
 * and the work done on each file. The routes only wire these together; the composition root
 * ({@code app/Gateway}) provides them.
 */
public interface OutboxWork {

    /** An agency's outbox folder as its route polls it, and whether it is the spool of an SFTP outbox. */
    record Outbox(Path folder, boolean sftp) {
    }

    /** Every agency's outbox now, from one policy set. */
    Map<String, Outbox> outboxRoutes();

    /** Reloads the policies when their files changed (the routes follow the agencies they name). */
    void reloadPoliciesIfChanged();

    /** The gateway's private folder the agency's files are taken into; made owner-only if missing. */
    Path privateFolder(String agency) throws IOException;

    /** How many lanes each outbox's files are spread over. */
    int lanesPerOutbox();

    /** Takes one file of the agency's outbox (or one taken already) to its outcome; never throws. */
    TransferOutcome process(String agency, Path root, Path file);

    /** Hands the latest audit checkpoint to every agency's inbox when due (docs/audit-format.md). */
    void dropCheckpoints();

    /** Delivers the recall notices not delivered yet, and retries the held ones (docs/recall.md). */
    void deliverRecallNotices();

    /** Logs what stops being current soon, on the first call of each day (docs/operations.md). */
    void warnUpcoming();

    /** Takes what is ready from the agency's SFTP outbox into its spool. */
    void pickUp(String agency);
}
