package org.safegate.store;

import java.nio.file.Path;

/** The two stores every store test runs against. */
public enum TestStores {
    SQLITE,
    POSTGRESQL;

    /** A fresh, migrated, empty database of this kind ({@code dir} is used by the embedded store). */
    public Database open(Path dir) {
        return Database.open(settings(dir));
    }

    public DatabaseSettings settings(Path dir) {
        return this == SQLITE ? DatabaseSettings.embedded(dir) : EmbeddedPostgresServer.newDatabase();
    }
}
