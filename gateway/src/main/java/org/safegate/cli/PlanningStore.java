package org.safegate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.config.GatewayConfig;
import org.safegate.config.Settings;
import org.safegate.policy.InMemoryRevocations;
import org.safegate.policy.RecallObligations;
import org.safegate.policy.Revocations;
import org.safegate.recall.StoredRecallObligations;
import org.safegate.store.Database;
import org.safegate.store.DatabaseSettings;
import org.safegate.store.StoredRevocations;

/**
 * What {@code policy check} decides with besides the policy files: with {@code --config}, the
 * revocations in force and the recalls of that gateway's store, opened as the other reading
 * commands open it (it must exist at this version's schema; nothing is created, migrated or
 * written); without it, none. A configuration whose store does not exist yet (a gateway that never
 * ran) has none either, and the command says so on its error stream; a store that exists and cannot
 * be read fails the command rather than answer as if nothing were revoked or recalled.
 */
final class PlanningStore implements AutoCloseable {
    private final Database database;
    private final Revocations revocations;
    private final RecallObligations recalls;
    private final Optional<String> place;

    private PlanningStore(Database database, Revocations revocations, RecallObligations recalls,
                          Optional<String> place) {
        this.database = database;
        this.revocations = revocations;
        this.recalls = recalls;
        this.place = place;
    }

    /** Nothing revoked, nothing recalled: the policy files alone. */
    static PlanningStore none() {
        return new PlanningStore(null, new InMemoryRevocations(), RecallObligations.NONE, Optional.empty());
    }

    /** The store of the configuration; {@link #none()} with a note on {@code err} when it does not exist. */
    static PlanningStore of(Settings settings, Path workingDir, PrintWriter err) {
        DatabaseSettings store = DatabaseSettings.from(GatewayConfig.from(settings), System.getenv());
        Database database;
        try {
            database = Database.openExisting(store);
        } catch (SafegateException e) {
            if (e.code() != ErrorCode.STORE_MISSING) {
                throw e;
            }
            err.println("note: " + e.getMessage() + StoreLookup.explain(settings, workingDir)
                    + "; evaluated without revocations and recalls");
            err.flush();
            return none();
        }
        return new PlanningStore(database, new StoredRevocations(database), new StoredRecallObligations(database),
                Optional.of(store.place()));
    }

    Revocations revocations() {
        return revocations;
    }

    RecallObligations recalls() {
        return recalls;
    }

    /** Where the revocations and recalls were read: the store's place; empty when none was. */
    Optional<String> place() {
        return place;
    }

    @Override
    public void close() {
        if (database != null) {
            database.close();
        }
    }
}
