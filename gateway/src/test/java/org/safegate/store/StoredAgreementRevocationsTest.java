package org.safegate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safegate.policy.AgreementRevocation;
import org.safegate.policy.Revocation;

/** Single-agreement revocations in the real store (SQLite and PostgreSQL), apart from agency revocations. */
class StoredAgreementRevocationsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void revokeReplaceAndReinstateAnAgreement(TestStores store) {
        try (Database database = store.open(dir)) {
            StoredRevocations revocations = new StoredRevocations(database);
            assertThat(revocations.agreementInForce("IRS-ICE-2025")).isEmpty();

            revocations.revokeAgreement(new AgreementRevocation("IRS-ICE-2025", Instant.ofEpochMilli(1000), "olga", "first"));
            revocations.revokeAgreement(new AgreementRevocation("IRS-ICE-2025", Instant.ofEpochMilli(2000), "oscar", "second"));

            assertThat(revocations.agreementInForce("IRS-ICE-2025")).contains(
                    new AgreementRevocation("IRS-ICE-2025", Instant.ofEpochMilli(2000), "oscar", "second"));
            assertThat(revocations.agreementInForce("IRS-DOJ-2024")).isEmpty();
            assertThat(revocations.inForce("ICE")).as("an agreement is not its recipient").isEmpty();

            assertThat(revocations.reinstateAgreement("IRS-ICE-2025")).isTrue();
            assertThat(revocations.reinstateAgreement("IRS-ICE-2025")).isFalse();
            assertThat(revocations.agreementInForce("IRS-ICE-2025")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aRevocationKeepsItsNoticeBesideItsReason(TestStores store) {
        try (Database database = store.open(dir)) {
            StoredRevocations revocations = new StoredRevocations(database);
            revocations.revoke(new Revocation("ICE", Instant.EPOCH, "olga", "internal", Optional.of("for partners")));
            revocations.revokeAgreement(new AgreementRevocation("IRS-ICE-2025", Instant.EPOCH, "olga", "internal",
                    Optional.of("suspended")));
            revocations.revokeAgreement(new AgreementRevocation("DOJ-ICE-2024", Instant.EPOCH, "olga", "internal"));

            assertThat(revocations.inForce("ICE").orElseThrow().notice()).contains("for partners");
            assertThat(revocations.agreementInForce("IRS-ICE-2025").orElseThrow().notice()).contains("suspended");
            assertThat(revocations.agreementInForce("DOJ-ICE-2024").orElseThrow().notice()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void agencyAndAgreementRevocationsAreIndependent(TestStores store) {
        try (Database database = store.open(dir)) {
            StoredRevocations revocations = new StoredRevocations(database);
            revocations.revoke(new Revocation("ICE", Instant.EPOCH, "olga", "incident"));
            revocations.revokeAgreement(new AgreementRevocation("ICE", Instant.EPOCH, "olga", "same id, other kind"));

            assertThat(revocations.reinstate("ICE")).isTrue();
            assertThat(revocations.agreementInForce("ICE")).isPresent();
        }
    }

    @Test
    void aRevocationSurvivesARestart() {
        try (Database database = TestStores.SQLITE.open(dir)) {
            new StoredRevocations(database).revokeAgreement(
                    new AgreementRevocation("DOJ-ICE-2024", Instant.ofEpochMilli(5), "olga", "durable"));
        }
        try (Database database = TestStores.SQLITE.open(dir)) {
            assertThat(new StoredRevocations(database).agreementInForce("DOJ-ICE-2024")).map(AgreementRevocation::reason)
                    .contains("durable");
        }
    }
}
