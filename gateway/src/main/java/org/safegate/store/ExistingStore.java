package org.safegate.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * The check a command that only reads the store makes before it opens it: that a store exists
 * where the settings point, at the schema this version reads. It writes nothing: a mistyped path
 * must not leave an empty store behind that later commands would read as "no events", and an
 * auditor's command must not upgrade a store under a gateway of an earlier version still running on it.
 */
final class ExistingStore {
    private ExistingStore() {
    }

    /** Throws {@link ErrorCode#STORE_MISSING} or {@link ErrorCode#STORE_OTHER_VERSION} unless the store can be read. */
    static void require(DatabaseSettings settings) {
        Optional<Path> file = settings.embeddedFile();
        if (file.isPresent() && isMissingOrEmpty(file.get())) {
            throw missing(settings);
        }
        MigrationInfoService info = info(settings);
        if (info.applied().length == 0) {
            throw missing(settings);
        }
        String known = latestKnownVersion(info);
        Optional<MigrationInfo> newer = Arrays.stream(info.applied())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS).reduce((a, b) -> b);
        if (newer.isPresent()) {
            throw new SafegateException(ErrorCode.STORE_OTHER_VERSION, "the store at " + settings.place()
                    + " has schema version " + newer.get().getVersion() + ", newer than this Safegate's (" + known
                    + "); read it with the Safegate version that runs the gateway");
        }
        if (Arrays.stream(info.applied()).anyMatch(m -> m.getState().isFailed())) {
            throw new SafegateException(ErrorCode.STORE_FAILURE, "the store at " + settings.place()
                    + " has a failed schema migration; start the gateway to see why");
        }
        if (info.pending().length > 0) {
            throw new SafegateException(ErrorCode.STORE_OTHER_VERSION, "the store at " + settings.place()
                    + " has schema version " + info.current().getVersion() + " and this Safegate reads version " + known
                    + "; a command that only reads does not upgrade it: run the gateway of this version once to"
                    + " upgrade it, or read it with the Safegate version that wrote it");
        }
    }

    private static boolean isMissingOrEmpty(Path file) {
        try {
            // SQLite reads a zero-byte file as an empty database: it holds no store either
            return !Files.isRegularFile(file) || Files.size(file) == 0;
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.STORE_FAILURE, "cannot read the store file " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** Flyway's view of the schema; reading it creates neither the history table nor a schema. */
    private static MigrationInfoService info(DatabaseSettings settings) {
        try {
            return Flyway.configure()
                    .dataSource(readOnlyUrl(settings), settings.user().orElse(null), settings.password().orElse(null))
                    .locations(Database.MIGRATIONS).load().info();
        } catch (FlywayException e) {
            throw new SafegateException(ErrorCode.STORE_FAILURE, "cannot read the store " + settings + ": "
                    + e.getMessage(), e);
        }
    }

    /** The embedded store opened read-only, so that not even SQLite's own settings are written to the file. */
    private static String readOnlyUrl(DatabaseSettings settings) {
        return settings.embeddedFile().isPresent() ? settings.jdbcUrl() + "?open_mode=1" : settings.jdbcUrl();
    }

    private static String latestKnownVersion(MigrationInfoService info) {
        return Arrays.stream(info.all()).filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS)
                .map(m -> m.getVersion().toString()).reduce((a, b) -> b).orElse("none");
    }

    private static SafegateException missing(DatabaseSettings settings) {
        return new SafegateException(ErrorCode.STORE_MISSING, "no Safegate store at " + settings.place());
    }
}
