package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.Agreement;
import org.safegate.policy.model.Endpoint;
import org.safegate.policy.model.PolicySet;
import org.safegate.policy.model.Reference;
import org.safegate.policy.model.Source;

/** The client drops a file into its outbox. Result: it is identified, or refused with a code. */
class OutboxLayoutTest {
    @TempDir
    Path outbox;

    private final OutboxLayout layout = new OutboxLayout(1024);
    private PolicySet policies;

    @BeforeEach
    void setUp() {
        Source source = new Source(Path.of("t.yaml"), 1, Map.of());
        List<Agency> agencies = List.of("IRS", "ICE", "DOJ").stream().map(id -> new Agency(id, id,
                new Reference(id + ".crt"), Optional.empty(), Endpoint.directory("o"), Endpoint.directory("i"), source))
                .toList();
        policies = new PolicySet(agencies, List.of(
                new Agreement("IRS-ICE", "IRS", "ICE", "a", "p", List.of("c"), java.time.LocalDate.of(2025, 1, 1),
                        Optional.empty(), List.of(), Optional.of("irc-6103-i-2"), source),
                new Agreement("IRS-DOJ", "IRS", "DOJ", "a", "p", List.of("c"), java.time.LocalDate.of(2025, 1, 1),
                        Optional.empty(), List.of(), Optional.empty(), source)), List.of(), List.of());
    }

    @Test
    void fileUnderAnAgreementFolderIsIdentified() throws Exception {
        Path file = write("IRS-ICE/addresses.csv", "x");

        OutboxEntry entry = identify("IRS", file).fold(r -> null, e -> e);

        assertThat(entry).isEqualTo(new OutboxEntry("IRS", "IRS-ICE", "addresses.csv", false, file));
    }

    @Test
    void requestFileOfTheRecipientIsIdentifiedAsARequest() throws Exception {
        Path file = write("IRS-ICE/requests/batch-1.csv", "x");

        assertThat(identify("ICE", file).fold(r -> null, OutboxEntry::request)).isTrue();
    }

    @Test
    void requestsFolderUnderAnAgreementWithoutRequestRulesIsMisplaced() throws Exception {
        assertThat(refusal("IRS", write("IRS-DOJ/requests/batch-1.csv", "x"))).isEqualTo(RefusalCode.MISPLACED);
    }

    @Test
    void fileDirectlyInTheOutboxIsMisplaced() throws Exception {
        assertThat(refusal("IRS", write("loose.csv", "x"))).isEqualTo(RefusalCode.MISPLACED);
    }

    @Test
    void fileNestedTooDeepIsMisplaced() throws Exception {
        assertThat(refusal("IRS", write("IRS-ICE/sub/deeper.csv", "x"))).isEqualTo(RefusalCode.MISPLACED);
    }

    @Test
    void unknownAgreementFolderIsRefused() throws Exception {
        assertThat(refusal("IRS", write("NO-SUCH/a.csv", "x"))).isEqualTo(RefusalCode.AGREEMENT_UNKNOWN);
    }

    @Test
    void agreementThatDoesNotInvolveTheSenderIsRefused() throws Exception {
        assertThat(refusal("DOJ", write("IRS-ICE/a.csv", "x"))).isEqualTo(RefusalCode.AGREEMENT_UNKNOWN);
    }

    @Test
    void emptyFileIsRefused() throws Exception {
        assertThat(refusal("IRS", write("IRS-ICE/empty.csv", ""))).isEqualTo(RefusalCode.EMPTY_FILE);
    }

    @Test
    void fileOverTheSizeLimitIsRefused() throws Exception {
        assertThat(refusal("IRS", write("IRS-ICE/big.csv", "x".repeat(1025)))).isEqualTo(RefusalCode.TOO_LARGE);
    }

    @Test
    void symlinkIsRefusedWithoutBeingFollowed() throws Exception {
        Path target = write("IRS-ICE/real.csv", "x");
        Path link = Files.createSymbolicLink(outbox.resolve("IRS-ICE/link.csv"), target);

        assertThat(refusal("IRS", link)).isEqualTo(RefusalCode.LINK_REFUSED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad\u0007bell.csv", "tab\tname.csv", "rtl\u202Egpj.exe", " padded.csv"})
    void unsafeNamesAreRefused(String name) throws Exception {
        Path file = write("IRS-ICE/" + name, "x");

        Refusal refusal = identify("IRS", file).fold(r -> r, e -> null);

        assertThat(refusal.code()).isEqualTo(RefusalCode.NAME_UNSAFE);
        assertThat(refusal.message()).doesNotContain("\u0007").doesNotContain("\u202E");
    }

    @Test
    void veryLongNameIsRefused() throws Exception {
        assertThat(FileNames.problem("a".repeat(201))).contains("the name is longer than 200 bytes");
        assertThat(FileNames.problem("é".repeat(101))).isPresent();
        assertThat(FileNames.problem("..")).isPresent();
        assertThat(FileNames.problem("report 2025.csv")).isEmpty();
    }

    private Either<Refusal, OutboxEntry> identify(String sender, Path file) {
        return layout.identify(sender, outbox, file, policies);
    }

    private RefusalCode refusal(String sender, Path file) {
        return identify(sender, file).fold(Refusal::code, e -> null);
    }

    private Path write(String relative, String content) throws Exception {
        Path file = outbox.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
