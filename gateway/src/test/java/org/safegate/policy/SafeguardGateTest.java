package org.safegate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.shiro.authz.ModularRealmAuthorizer;
import org.apache.shiro.subject.SimplePrincipalCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.Agreement;
import org.safegate.policy.model.Endpoint;
import org.safegate.policy.model.PolicySet;
import org.safegate.policy.model.Reference;
import org.safegate.policy.model.Safeguards;
import org.safegate.policy.model.Source;

/**
 * The transfer side of the denial catalogue: agreement, sender, revocation, certificate and
 * redisclosure rules, decided through the Shiro realm.
 */
class SafeguardGateTest {
    private static final LocalDate DAY = Records.DAY;
    private static final String ADDRESS = "last-known-address";

    @TempDir
    static Path certs;

    private final InMemoryRevocations revocations = new InMemoryRevocations();
    private final AtomicReference<PolicySet> policies = new AtomicReference<>();
    private SafeguardGate gate;

    @BeforeAll
    static void makeCertificates() {
        for (String agency : List.of("IRS", "DOJ", "ICE")) {
            TestCertificates.write(certs.resolve(agency + ".crt"), agency, DAY.minusYears(1), DAY.plusYears(1));
        }
        TestCertificates.write(certs.resolve("expired.crt"), "OLD", DAY.minusYears(2), DAY.minusDays(1));
        TestCertificates.write(certs.resolve("future.crt"), "NEW", DAY.plusDays(1), DAY.plusYears(2));
    }

    @BeforeEach
    void setUp() {
        policies.set(policySet(Map.of()));
        gate = SafeguardGate.create(policies::get, SafeguardSettings.DEFAULTS, revocations, RecallObligations.NONE,
                PemCertificateCheck.forTransfers(certs));
    }

    @Test
    void providerMaySendToACurrentRecipient() {
        Decision decision = gate.decide(TransferRequest.disclosure("IRS", "IRS-DOJ", ADDRESS, DAY));

        assertThat(decision.permitted()).isTrue();
        assertThat(decision.reasons()).isEmpty();
        assertThat(gate.require(TransferRequest.disclosure("IRS", "IRS-DOJ", ADDRESS, DAY))).isEqualTo(decision);
    }

    @Test
    void unknownAgreementIsDenied() {
        assertThat(codes(TransferRequest.disclosure("IRS", "NO-SUCH", ADDRESS, DAY)))
                .containsExactly(ReasonCode.AGREEMENT_UNKNOWN);
    }

    @Test
    void agreementOutOfForceIsDenied() {
        assertThat(codes(TransferRequest.disclosure("IRS", "IRS-DOJ-ENDED", ADDRESS, DAY)))
                .containsExactly(ReasonCode.AGREEMENT_NOT_IN_FORCE);
    }

    @Test
    void agreementIsInForceFromEffectiveUntilTheDayBeforeExpires() {
        TransferRules rules = new TransferRules(new SafeguardRules(SafeguardSettings.DEFAULTS), revocations, RecallObligations.NONE,
                PemCertificateCheck.forTransfers(certs));
        Agreement agreement = agreement("X", "IRS", "DOJ", DAY, Optional.of(DAY.plusDays(10)), List.of());

        assertThat(rules.agreementReasons(agreement, ADDRESS, DAY.minusDays(1))).extracting(Reason::code)
                .containsExactly(ReasonCode.AGREEMENT_NOT_IN_FORCE);
        assertThat(rules.agreementReasons(agreement, ADDRESS, DAY)).isEmpty();
        assertThat(rules.agreementReasons(agreement, ADDRESS, DAY.plusDays(9))).isEmpty();
        assertThat(rules.agreementReasons(agreement, ADDRESS, DAY.plusDays(10))).extracting(Reason::code)
                .containsExactly(ReasonCode.AGREEMENT_NOT_IN_FORCE);
    }

    @Test
    void categoryOutsideTheAgreementIsDenied() {
        assertThat(codes(TransferRequest.disclosure("IRS", "IRS-ICE", "return-information", DAY)))
                .containsExactly(ReasonCode.CATEGORY_NOT_COVERED);
    }

    @Test
    void onlyTheProviderMaySendAnOriginalDisclosure() {
        assertThat(codes(TransferRequest.disclosure("DOJ", "IRS-ICE", ADDRESS, DAY)))
                .containsExactly(ReasonCode.SENDER_NOT_PROVIDER);
    }

    @Test
    void recipientThatIsNotCurrentIsDeniedWithItsSafeguardReasons() {
        policies.set(policySet(Map.of("ICE", Records.current().itemDate(Optional.empty()).build("ICE"))));

        Decision decision = gate.decide(TransferRequest.disclosure("IRS", "IRS-ICE", ADDRESS, DAY));

        assertThat(decision.codes()).containsExactly(ReasonCode.CAP_ITEM_UNDATED);
        assertThat(decision.reasons().get(0).message())
                .isEqualTo("ICE is not current: finding F-1 is open and its CAP item \"Fix access control\" "
                        + "has no implementation date");
    }

    @Test
    void revocationTakesEffectOnTheVeryNextDecisionAndReinstatementLiftsIt() {
        TransferRequest request = TransferRequest.disclosure("IRS", "IRS-DOJ", ADDRESS, DAY);
        assertThat(gate.decide(request).permitted()).isTrue();

        revocations.revoke(new Revocation("DOJ", Instant.parse("2026-03-01T10:00:00Z"), "alice", "lost laptop"));

        Decision denied = gate.decide(request);
        assertThat(denied.codes()).containsExactly(ReasonCode.AGENCY_REVOKED);
        assertThat(denied.reasons().get(0).message()).contains("alice").contains("lost laptop");

        revocations.reinstate("DOJ");
        assertThat(gate.decide(request).permitted()).isTrue();
    }

    @Test
    void revokedAgreementIsDeniedWhileTheRecipientsOtherAgreementsStillDecide() {
        revocations.revokeAgreement(new AgreementRevocation("IRS-DOJ", Instant.parse("2026-03-01T10:00:00Z"), "olga",
                "order under review"));

        Decision denied = gate.decide(TransferRequest.disclosure("IRS", "IRS-DOJ", ADDRESS, DAY));
        assertThat(denied.codes()).containsExactly(ReasonCode.AGREEMENT_REVOKED);
        assertThat(denied.reasons().get(0).message()).contains("olga").contains("order under review");
        assertThat(gate.decide(TransferRequest.disclosure("ICE", "ICE-DOJ", ADDRESS, DAY)).permitted()).isTrue();

        revocations.reinstateAgreement("IRS-DOJ");
        assertThat(gate.decide(TransferRequest.disclosure("IRS", "IRS-DOJ", ADDRESS, DAY)).permitted()).isTrue();
    }

    @Test
    void requireThrowsWithEveryReason() {
        revocations.revoke(new Revocation("ICE", Instant.EPOCH, "alice", "incident"));

        assertThatThrownBy(() -> gate.require(TransferRequest.disclosure("DOJ", "IRS-ICE", ADDRESS, DAY)))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TRANSFER_DENIED))
                .hasMessageContaining("SENDER_NOT_PROVIDER")
                .hasMessageContaining("AGENCY_REVOKED");
    }

    @Test
    void missingCertificateDenies() {
        policies.set(policySet(Map.of(), "DOJ", "missing.crt"));
        assertThat(codes(TransferRequest.disclosure("IRS", "IRS-DOJ", ADDRESS, DAY)))
                .containsExactly(ReasonCode.CERT_MISSING);
    }

    @Test
    void unreadableCertificateDenies() throws Exception {
        Files.writeString(certs.resolve("garbage.crt"), "-----BEGIN CERTIFICATE-----\nnot base64\n");
        policies.set(policySet(Map.of(), "DOJ", "garbage.crt"));
        assertThat(codes(TransferRequest.disclosure("IRS", "IRS-DOJ", ADDRESS, DAY)))
                .containsExactly(ReasonCode.CERT_INVALID);
    }

    @Test
    void expiredCertificateDenies() {
        policies.set(policySet(Map.of(), "DOJ", "expired.crt"));
        assertThat(codes(TransferRequest.disclosure("IRS", "IRS-DOJ", ADDRESS, DAY)))
                .containsExactly(ReasonCode.CERT_EXPIRED);
    }

    @Test
    void notYetValidCertificateDenies() {
        policies.set(policySet(Map.of(), "DOJ", "future.crt"));
        assertThat(codes(TransferRequest.disclosure("IRS", "IRS-DOJ", ADDRESS, DAY)))
                .containsExactly(ReasonCode.CERT_NOT_YET_VALID);
    }

    @Test
    void redisclosureListedInTheOriginalAgreementIsPermitted() {
        assertThat(gate.decide(TransferRequest.redisclosure("DOJ", "DOJ-ICE", ADDRESS, DAY, "IRS-DOJ")).permitted())
                .isTrue();
    }

    @Test
    void redisclosureNotListedInTheOriginalAgreementIsDenied() {
        assertThat(codes(TransferRequest.redisclosure("ICE", "ICE-DOJ", ADDRESS, DAY, "IRS-ICE")))
                .containsExactly(ReasonCode.REDISCLOSURE_NOT_PERMITTED);
    }

    @Test
    void redisclosureOfDataTheSenderNeverReceivedIsDenied() {
        assertThat(codes(TransferRequest.redisclosure("DOJ", "DOJ-ICE", ADDRESS, DAY, "IRS-ICE")))
                .contains(ReasonCode.REDISCLOSURE_SOURCE_MISMATCH);
    }

    @Test
    void redisclosureToARecipientThatIsNotCurrentIsDenied() {
        policies.set(policySet(Map.of("ICE", Records.current().noCap().build("ICE"))));
        assertThat(codes(TransferRequest.redisclosure("DOJ", "DOJ-ICE", ADDRESS, DAY, "IRS-DOJ")))
                .containsExactly(ReasonCode.CAP_MISSING);
    }

    @Test
    void redisclosureUnderAnUnknownOriginalAgreementIsDenied() {
        assertThat(codes(TransferRequest.redisclosure("DOJ", "DOJ-ICE", ADDRESS, DAY, "GONE")))
                .containsExactly(ReasonCode.AGREEMENT_UNKNOWN);
    }

    @Test
    void theRealmGrantsReceivePermissionsOnlyWhileEveryRuleHolds() {
        TransferRules rules = new TransferRules(new SafeguardRules(SafeguardSettings.DEFAULTS), revocations, RecallObligations.NONE,
                PemCertificateCheck.forTransfers(certs));
        ModularRealmAuthorizer shiro = new ModularRealmAuthorizer(List.of(new SafeguardRealm(policies::get, rules)));
        var doj = new SimplePrincipalCollection(new RecipientOnDay("DOJ", DAY), SafeguardRealm.NAME);

        assertThat(shiro.isPermitted(doj, "receive:IRS-DOJ:last-known-address")).isTrue();
        assertThat(shiro.isPermitted(doj, "receive:irs-doj:last-known-address")).as("ids are case-sensitive").isFalse();
        assertThat(shiro.isPermitted(doj, "receive:IRS-ICE:last-known-address")).isFalse();
        assertThat(shiro.isPermitted(doj, "receive:IRS-DOJ-ENDED:last-known-address")).isFalse();

        revocations.revoke(new Revocation("DOJ", Instant.EPOCH, "alice", "incident"));
        assertThat(shiro.isPermitted(doj, "receive:IRS-DOJ:last-known-address")).isFalse();
    }

    @Test
    void statusReportsWhetherAnAgencyIsCurrent() {
        assertThat(gate.status("DOJ", DAY).permitted()).isTrue();
        assertThat(gate.status("IRS", DAY).codes()).contains(ReasonCode.REVIEW_MISSING, ReasonCode.SSR_MISSING);
    }

    private List<ReasonCode> codes(TransferRequest request) {
        return gate.decide(request).reasons().stream().map(Reason::code).toList();
    }

    private static PolicySet policySet(Map<String, Safeguards> overrides) {
        return policySet(overrides, "DOJ", "DOJ.crt");
    }

    private static PolicySet policySet(Map<String, Safeguards> overrides, String certAgency, String certFile) {
        List<Agency> agencies = List.of("IRS", "DOJ", "ICE").stream()
                .map(id -> agency(id, id.equals(certAgency) ? certFile : id + ".crt")).toList();
        List<Agreement> agreements = List.of(
                agreement("IRS-DOJ", "IRS", "DOJ", DAY.minusYears(1), Optional.empty(), List.of("ICE")),
                agreement("IRS-DOJ-ENDED", "IRS", "DOJ", DAY.minusYears(2), Optional.of(DAY), List.of()),
                agreement("IRS-ICE", "IRS", "ICE", DAY.minusYears(1), Optional.empty(), List.of()),
                agreement("DOJ-ICE", "DOJ", "ICE", DAY.minusYears(1), Optional.empty(), List.of()),
                agreement("ICE-DOJ", "ICE", "DOJ", DAY.minusYears(1), Optional.empty(), List.of()));
        List<Safeguards> safeguards = List.of(
                overrides.getOrDefault("DOJ", Records.current().build("DOJ")),
                overrides.getOrDefault("ICE", Records.current().build("ICE")));
        return new PolicySet(agencies, agreements, safeguards, List.of());
    }

    private static Agency agency(String id, String certificate) {
        return new Agency(id, id, new Reference(certificate), Optional.empty(), Endpoint.directory("out/" + id),
                Endpoint.directory("in/" + id), source());
    }

    private static Agreement agreement(String id, String provider, String recipient, LocalDate effective,
                                       Optional<LocalDate> expires, List<String> redisclosure) {
        return new Agreement(id, provider, recipient, "26 U.S.C. 6103(i)(2)", "test", List.of(ADDRESS), effective,
                expires, redisclosure, Optional.empty(), source());
    }

    private static Source source() {
        return new Source(Path.of("test.yaml"), 1, Map.of());
    }
}
