package org.safegate.store;

import java.nio.file.Path;

/** The two stores every store test runs against. */
public enum TestStores {
    H2,
    POSTGRESQL;

    /** A fresh, migrated, empty database of this kind ({@code dir} is used by H2). */
    public Database open(Path dir) {
        return Database.open(settings(dir));
    }

    public DatabaseSettings settings(Path dir) {
        return this == H2 ? DatabaseSettings.embedded(dir) : EmbeddedPostgresServer.newDatabase();
    }
}
