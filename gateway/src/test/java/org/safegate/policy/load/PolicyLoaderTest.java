package org.safegate.policy.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safegate.policy.model.PolicySet;

/**
 * The bad-input catalogue of the policy loader: one fixture folder per case
 * ({@code PolicyLoaderTest.<case>/}), each a small policy set with exactly one defect, and the
 * error it must produce, located by file, line and field.
 */
class PolicyLoaderTest {

    static Stream<Arguments> badPolicySets() {
        return Stream.of(
                bad("malformedYaml", ProblemCode.YAML_MALFORMED, "agencies/a.yaml", 3, ""),
                bad("unknownKey", ProblemCode.UNKNOWN_KEY, "agencies/a.yaml", 3, "colour"),
                bad("unknownNestedKey", ProblemCode.UNKNOWN_KEY, "agencies/a.yaml", 5, "endpoints.outbox.speed"),
                bad("missingField", ProblemCode.MISSING_FIELD, "agreements/a-b.yaml", 1, "authority"),
                bad("blankField", ProblemCode.MISSING_FIELD, "agreements/a-b.yaml", 5, "purpose"),
                bad("wrongType", ProblemCode.WRONG_TYPE, "agreements/a-b.yaml", 6, "categories"),
                bad("wrongTypePort", ProblemCode.WRONG_TYPE, "agencies/b.yaml", 6, "endpoints.inbox.port"),
                bad("portOutOfRange", ProblemCode.INVALID_VALUE, "agencies/b.yaml", 6, "endpoints.inbox.port"),
                bad("badDate", ProblemCode.INVALID_DATE, "agreements/a-b.yaml", 7, "effective"),
                bad("impossibleDate", ProblemCode.INVALID_DATE, "agreements/a-b.yaml", 7, "effective"),
                bad("expiresBeforeEffective", ProblemCode.DATE_ORDER, "agreements/a-b.yaml", 8, "expires"),
                bad("duplicateId", ProblemCode.DUPLICATE_ID, "agencies/a2.yaml", 1, "id"),
                bad("duplicateKey", ProblemCode.DUPLICATE_KEY, "agencies/a.yaml", 3, "id"),
                bad("duplicateFinding", ProblemCode.DUPLICATE_ID, "safeguards/b.yaml", 4, "findings"),
                bad("unknownAgency", ProblemCode.UNKNOWN_REFERENCE, "agreements/a-b.yaml", 3, "recipient"),
                bad("unknownRedisclosureAgency", ProblemCode.UNKNOWN_REFERENCE, "agreements/a-b.yaml", 9,
                        "redisclosure"),
                bad("unknownFinding", ProblemCode.UNKNOWN_REFERENCE, "safeguards/b.yaml", 6, "cap.items.finding"),
                bad("safeguardsForUnknownAgency", ProblemCode.UNKNOWN_REFERENCE, "safeguards/b.yaml", 1, "agency"),
                bad("selfRecipient", ProblemCode.SELF_RECIPIENT, "agreements/a-b.yaml", 3, "recipient"),
                bad("reservedAgreementId", ProblemCode.INVALID_VALUE, "agreements/a-b.yaml", 1, "id"),
                bad("notUtf8", ProblemCode.NOT_UTF8, "agencies/a.yaml", 2, ""),
                bad("aliasBomb", ProblemCode.YAML_ALIAS_LIMIT, "agencies/a.yaml", 2, ""),
                bad("plaintextPassword", ProblemCode.PLAINTEXT_PASSWORD, "operators/olivia.yaml", 4, "password-hash"),
                bad("plaintextCredentials", ProblemCode.PLAINTEXT_PASSWORD, "agencies/b.yaml", 6,
                        "endpoints.inbox.credentials"),
                bad("unknownRole", ProblemCode.INVALID_VALUE, "operators/olivia.yaml", 3, "roles"),
                bad("notAMapping", ProblemCode.NOT_A_MAPPING, "agencies/a.yaml", 1, ""),
                bad("emptyFile", ProblemCode.MISSING_FIELD, "agencies/a.yaml", 1, ""),
                bad("multipleDocuments", ProblemCode.YAML_MALFORMED, "agencies/a.yaml", 0, ""),
                bad("badEndpointType", ProblemCode.INVALID_VALUE, "agencies/a.yaml", 6, "endpoints.inbox.type"),
                bad("badSeverity", ProblemCode.INVALID_VALUE, "safeguards/b.yaml", 5, "findings[0].severity"),
                bad("closedWithoutDate", ProblemCode.MISSING_FIELD, "safeguards/b.yaml", 5, "findings[0].closed"),
                bad("unknownRequestRules", ProblemCode.INVALID_VALUE, "agreements/a-b.yaml", 10, "request-rules"),
                bad("badRequestStatute", ProblemCode.INVALID_VALUE, "agreements/a-b.yaml", 11, "request-statutes"),
                bad("requestStatutesWithoutRules", ProblemCode.INVALID_VALUE, "agreements/a-b.yaml", 10,
                        "request-statutes"),
                bad("sftpWithoutHostKey", ProblemCode.MISSING_FIELD, "agencies/b.yaml", 6, "endpoints.inbox.host-key"),
                bad("sftpHostKeyNotSha256", ProblemCode.INVALID_VALUE, "agencies/b.yaml", 6, "endpoints.inbox.host-key"),
                bad("sftpHostKeyTruncated", ProblemCode.INVALID_VALUE, "agencies/b.yaml", 6, "endpoints.inbox.host-key"),
                bad("sftpWithoutCredentials", ProblemCode.MISSING_FIELD, "agencies/b.yaml", 6,
                        "endpoints.inbox.credentials"),
                bad("sftpWithoutUser", ProblemCode.MISSING_FIELD, "agencies/b.yaml", 6, "endpoints.inbox.user"),
                bad("sftpWithoutHost", ProblemCode.MISSING_FIELD, "agencies/b.yaml", 6, "endpoints.inbox.host"),
                bad("hostKeyOnFileEndpoint", ProblemCode.INVALID_VALUE, "agencies/b.yaml", 5,
                        "endpoints.outbox.host-key"),
                bad("plaintextToken", ProblemCode.PLAINTEXT_PASSWORD, "operators/olivia.yaml", 6, "api-tokens[0].hash"),
                bad("badTokenName", ProblemCode.INVALID_VALUE, "operators/olivia.yaml", 6, "api-tokens[0].name"),
                bad("badTokenExpiry", ProblemCode.INVALID_DATE, "operators/olivia.yaml", 6, "api-tokens[0].expires"));
    }

    private static Arguments bad(String fixture, ProblemCode code, String file, int line, String field) {
        return Arguments.of(fixture, code, file, line, field);
    }

    @ParameterizedTest(name = "{0}: {1} at {2}:{3} {4}")
    @MethodSource("badPolicySets")
    void badPolicySetIsRefusedWithTheProblemLocated(String fixture, ProblemCode code, String file, int line,
                                                    String field) {
        PolicyLoadResult result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> load(fixture(fixture)));

        assertThat(result.isValid()).isFalse();
        assertThat(result.policySet()).isEmpty();
        assertThat(result.errors())
                .as("errors of %s", fixture)
                .anySatisfy(problem -> {
                    assertThat(problem.code()).isEqualTo(code);
                    assertThat(problem.file()).endsWithRaw(Path.of(file));
                    assertThat(problem.line()).isEqualTo(line);
                    assertThat(problem.field()).isEqualTo(field);
                    assertThat(problem.toString()).contains(file).contains("[" + code + "]");
                });
    }

    @Test
    void validFixtureLoads() throws Exception {
        PolicyLoadResult result = load(fixture("valid"));

        assertThat(result.errors()).isEmpty();
        PolicySet set = result.require();
        assertThat(set.agencies()).hasSize(2);
        assertThat(set.agreement("A-B")).isPresent();
        assertThat(set.safeguardsOf("B").ssrs()).hasSize(1);
        assertThat(set.operator("olivia")).isPresent();
        org.safegate.policy.model.Endpoint sftp = set.agency("B").orElseThrow().inbox();
        assertThat(sftp.hostKey()).contains("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU");
        assertThat(sftp.credentials()).map(Object::toString).contains("vault:secret/sftp/b#password");
        assertThat(sftp.sshPort()).isEqualTo(2222);
        assertThat(result.warnings()).extracting(PolicyProblem::code).contains(ProblemCode.FILE_NOT_FOUND);
    }

    @Test
    void anAgreementListsTheStatutesItsRequestsMayCite() throws Exception {
        PolicySet set = load(fixture("validRequestStatutes")).require();

        assertThat(set.agreement("A-B").orElseThrow().requestStatutes())
                .contains(java.util.List.of("8 U.S.C. 1253(a)(1)", "18 U.S.C. 1001"));
        assertThat(load(fixture("valid")).require().agreement("A-B").orElseThrow().requestStatutes()).isEmpty();
    }

    @Test
    void shippedPolicySetLoads() {
        PolicyLoadResult result = new PolicyLoader(projectRoot()).load(projectRoot().resolve("policies"));

        assertThat(result.errors()).isEmpty();
        assertThat(result.require().agencies()).extracting(a -> a.id()).contains("IRS", "DOJ", "ICE");
        assertThat(result.require().agreement("IRS-ICE-2025")).isPresent();
    }

    @Test
    void oversizedFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        Path set = copyOf(fixture("valid"), dir);
        Files.writeString(set.resolve("agencies/a.yaml"),
                "# padding\n".repeat((int) (PolicyLoader.DEFAULT_MAX_FILE_BYTES / 10) + 1), java.nio.charset.StandardCharsets.UTF_8);

        PolicyLoadResult result = new PolicyLoader(set).load(set);

        assertThat(result.errors()).anySatisfy(problem -> {
            assertThat(problem.code()).isEqualTo(ProblemCode.FILE_TOO_LARGE);
            assertThat(problem.file()).endsWithRaw(Path.of("agencies/a.yaml"));
        });
    }

    @Test
    void symlinkOutOfThePolicyFolderIsRefused(@TempDir Path dir) throws Exception {
        Path set = copyOf(fixture("valid"), dir.resolve("policies"));
        Path outside = Files.writeString(dir.resolve("outside.yaml"), "id: X\n");
        Files.createSymbolicLink(set.resolve("agencies/x.yaml"), outside);

        PolicyLoadResult result = new PolicyLoader(set).load(set);

        assertThat(result.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(ProblemCode.SYMLINK_ESCAPES);
            assertThat(problem.file()).endsWithRaw(Path.of("agencies/x.yaml"));
        });
    }

    @Test
    void missingPolicyFolderIsAnError(@TempDir Path dir) {
        PolicyLoadResult result = new PolicyLoader(dir).load(dir.resolve("nope"));

        assertThat(result.errors()).singleElement()
                .extracting(PolicyProblem::code).isEqualTo(ProblemCode.FILE_UNREADABLE);
    }

    @Test
    void everyErrorInASetIsReportedNotJustTheFirst(@TempDir Path dir) throws Exception {
        Path set = copyOf(fixture("valid"), dir);
        Files.writeString(set.resolve("agencies/a.yaml"), Files.readString(set.resolve("agencies/a.yaml"))
                .replace("name: Agency A\n", "name: Agency A\ncolour: blue\n"));
        Files.writeString(set.resolve("agreements/a-b.yaml"), Files.readString(set.resolve("agreements/a-b.yaml"))
                .replace("effective: 2025-01-01", "effective: 2025-13-01"));

        PolicyLoadResult result = new PolicyLoader(set).load(set);

        assertThat(result.errors()).extracting(PolicyProblem::code)
                .contains(ProblemCode.UNKNOWN_KEY, ProblemCode.INVALID_DATE);
    }

    @Test
    void operatorWithApiTokensLoadsWithTheirHashesByName(@TempDir Path dir) throws Exception {
        Path set = copyOf(fixture("valid"), dir);
        String hash = "$shiro2$2y$10$7rOjsAf2U/AKKqpMpCIn6etuOXyQ86tp2Tn9xv6FyXl2T0QYc3.G.";
        Files.writeString(set.resolve("operators/olivia.yaml"), Files.readString(set.resolve("operators/olivia.yaml"))
                + "api-tokens:\n  - { name: nightly, hash: \"" + hash + "\" }\n");

        PolicyLoadResult result = new PolicyLoader(set).load(set);

        assertThat(result.errors()).isEmpty();
        assertThat(result.require().operator("olivia").orElseThrow().apiTokenHashes()).containsExactly(
                java.util.Map.entry("nightly", hash));
    }

    @Test
    void apiTokenWithAnExpiryDateLoadsWithItAndOneWithoutIsAWarning(@TempDir Path dir) throws Exception {
        Path set = copyOf(fixture("valid"), dir);
        String hash = "$shiro2$2y$10$7rOjsAf2U/AKKqpMpCIn6etuOXyQ86tp2Tn9xv6FyXl2T0QYc3.G.";
        Files.writeString(set.resolve("operators/olivia.yaml"), Files.readString(set.resolve("operators/olivia.yaml"))
                + "api-tokens:\n  - { name: ci, hash: \"" + hash + "\", expires: 2027-03-01 }\n"
                + "  - { name: legacy, hash: \"" + hash + "\" }\n");

        PolicyLoadResult result = new PolicyLoader(set).load(set);

        assertThat(result.errors()).isEmpty();
        assertThat(result.require().operator("olivia").orElseThrow().apiTokens()).containsExactly(
                java.util.Map.entry("ci", new org.safegate.policy.model.ApiTokenHash("ci", hash,
                        java.util.Optional.of(java.time.LocalDate.of(2027, 3, 1)))),
                java.util.Map.entry("legacy", new org.safegate.policy.model.ApiTokenHash("legacy", hash,
                        java.util.Optional.empty())));
        assertThat(result.warnings()).filteredOn(w -> w.code() == ProblemCode.TOKEN_WITHOUT_EXPIRY).singleElement()
                .satisfies(w -> {
                    assertThat(w.field()).isEqualTo("api-tokens[1].expires");
                    assertThat(w.line()).isEqualTo(7);
                });
    }

    @Test
    void personWhoIsSecurityOfficerAndAuditorIsAWarning(@TempDir Path dir) throws Exception {
        Path set = copyOf(fixture("valid"), dir);
        Files.writeString(set.resolve("operators/olivia.yaml"), Files.readString(set.resolve("operators/olivia.yaml"))
                .replace("roles: [auditor]", "roles: [auditor, security-officer]"));

        PolicyLoadResult result = new PolicyLoader(set).load(set);

        assertThat(result.isValid()).isTrue();
        assertThat(result.warnings()).extracting(PolicyProblem::code).contains(ProblemCode.SEPARATION_OF_DUTIES);
    }

    private static PolicyLoadResult load(Path set) {
        return new PolicyLoader(set).load(set);
    }

    static Path fixture(String name) {
        try {
            return Path.of(PolicyLoaderTest.class.getResource("PolicyLoaderTest." + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        return Files.isDirectory(dir.resolve("policies")) ? dir : dir.getParent();
    }

    private static Path copyOf(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }
}
