package org.safegate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** API tokens in the real store (SQLite and PostgreSQL): first seen once, revoked once, for good. */
class StoredApiTokensTest {
    private static final String DIGEST = "a".repeat(64);
    private static final Instant SEEN = Instant.ofEpochMilli(1_000);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aTokenIsAddedOnceAndItsFirstSightingStands(TestStores store) {
        try (Database database = store.open(dir)) {
            StoredApiTokens tokens = new StoredApiTokens(database);
            assertThat(tokens.find(DIGEST)).isEmpty();

            assertThat(tokens.add(DIGEST, "auditor", "nightly", SEEN)).isTrue();
            assertThat(tokens.add(DIGEST, "auditor", "nightly", SEEN.plusSeconds(60))).isFalse();

            assertThat(tokens.find(DIGEST)).contains(new StoredApiTokens.Token(DIGEST, "auditor", "nightly", SEEN,
                    Optional.empty()));
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aRevocationIsKeptAndTheFirstOneStands(TestStores store) {
        try (Database database = store.open(dir)) {
            StoredApiTokens tokens = new StoredApiTokens(database);
            tokens.add(DIGEST, "auditor", "nightly", SEEN);
            StoredApiTokens.Revocation first = new StoredApiTokens.Revocation(SEEN.plusSeconds(5), "officer",
                    "laptop stolen");

            assertThat(tokens.revoke(DIGEST, first)).isTrue();
            assertThat(tokens.revoke(DIGEST, new StoredApiTokens.Revocation(SEEN.plusSeconds(9), "admin", "again")))
                    .isFalse();
            tokens.remove(DIGEST);

            assertThat(tokens.find(DIGEST)).as("a revoked token is never forgotten")
                    .map(StoredApiTokens.Token::revocation).contains(Optional.of(first));
            assertThat(tokens.revoke("b".repeat(64), first)).as("an unknown token").isFalse();
        }
    }

    @Test
    void aRevocationSurvivesARestart() {
        try (Database database = TestStores.SQLITE.open(dir)) {
            StoredApiTokens tokens = new StoredApiTokens(database);
            tokens.add(DIGEST, "auditor", "nightly", SEEN);
            tokens.revoke(DIGEST, new StoredApiTokens.Revocation(SEEN, "officer", "durable"));
        }
        try (Database database = TestStores.SQLITE.open(dir)) {
            assertThat(new StoredApiTokens(database).find(DIGEST).flatMap(StoredApiTokens.Token::revocation)
                    .map(StoredApiTokens.Revocation::reason)).contains("durable");
        }
    }
}
