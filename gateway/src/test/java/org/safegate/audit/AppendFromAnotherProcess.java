package org.safegate.audit;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.safegate.store.Database;
import org.safegate.store.DatabaseSettings;
import org.safegate.testing.TestClocks;

/**
 * A second gateway process for {@link AuditLogTest}: appends COUNT events to the PostgreSQL at
 * JDBC_URL with two threads, signing checkpoints with the keys in KEYS_DIR.
 */
public final class AppendFromAnotherProcess {
    private AppendFromAnotherProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        String url = args[0];
        int count = Integer.parseInt(args[1]);
        AuditKeys keys = AuditKeys.from(org.safegate.keys.KeyProviders.fromSpec("file:" + args[2],
                java.nio.file.Path.of("").toAbsolutePath()));
        AuditSettings settings = AuditSettings.DEFAULTS.withMaxBatch(64);
        try (Database database = Database.open(new DatabaseSettings(url, url.startsWith("jdbc:postgresql:") ? Optional.of("postgres") : Optional.empty(),
                Optional.empty()));
             JdbcAuditLog log = new JdbcAuditLog(database, keys.treeSigner(settings.origin()), settings, TestClocks.runningFromCaseDay())) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            for (int i = 0; i < count; i++) {
                String id = "other-" + i;
                pool.execute(() -> log.append(AuditEntries.delivered(id, "IRS-ICE-2025", 3)));
            }
            pool.shutdown();
            if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
                System.exit(2);
            }
        }
        System.out.println("appended " + count);
    }
}
