package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.safegate.crypto.CertificateVerifier;
import org.safegate.crypto.OpenedFile;
import org.safegate.crypto.Opener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safegate.transfer.TransferOutcome;

/** Agencies that sign what they send, with the real {@code openssl cms -sign} as the agency's tool. */
class SignedInputTransferTest extends TransferScenarioTest {

    @Test
    @DisplayName("The IRS signs its file with its registered key. Result: delivered, the IRS signature travelling inside; opening verifies both.")
    void theIrsSignsItsFile_resultDeliveredWithTheSignatureInside() throws Exception {
        start();
        Path signed = signWith("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv.p7s", ADDRESSES));

        assertThat(process("IRS", signed)).isEqualTo(TransferOutcome.DELIVERED);

        Path delivered = inbox("DOJ").resolve("IRS-DOJ-2024/a.csv.p7s.p7m");
        Path out = workspace.resolve("opened.csv");
        OpenedFile opened = new Opener(keys.agencyEncryption("DOJ"), new CertificateVerifier(keys.trust()), clock)
                .open(delivered, out);
        assertThat(out).hasBinaryContent(ADDRESSES);
        assertThat(opened.signerSubject()).contains("Gateway");
        assertThat(opened.sender()).map(c -> c.getSubjectX500Principal().getName()).get().asString()
                .contains("CN=IRS signing");
    }

    @Test
    @DisplayName("DOJ opens a file the IRS signed first with the documented OpenSSL steps. Result: three commands give the content.")
    void theDocumentedOpenSslStepsUnwrapTheSendersSignatureToo() throws Exception {
        start();
        assertThat(process("IRS", signWith("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv.p7s", ADDRESSES))))
                .isEqualTo(TransferOutcome.DELIVERED);
        Path keysDir = workspace.resolve("keys-example");
        Path sealed = inbox("DOJ").resolve("IRS-DOJ-2024/a.csv.p7s.p7m");

        // as docs/crypto.md shows them: decrypt, verify the gateway's signature, verify the sender's
        openssl("cms", "-decrypt", "-inform", "DER", "-in", sealed.toString(),
                "-recip", keysDir.resolve("agencies/DOJ/encrypt.crt").toString(),
                "-inkey", keysDir.resolve("agencies/DOJ/encrypt.key").toString(),
                "-out", workspace.resolve("signed.der").toString());
        openssl("cms", "-verify", "-inform", "DER", "-in", workspace.resolve("signed.der").toString(),
                "-CAfile", keysDir.resolve("ca/ca.crt").toString(), "-binary",
                "-out", workspace.resolve("sender-signed.der").toString());
        openssl("cms", "-verify", "-inform", "DER", "-in", workspace.resolve("sender-signed.der").toString(),
                "-CAfile", keysDir.resolve("ca/ca.crt").toString(), "-binary",
                "-out", workspace.resolve("FILE").toString());

        assertThat(workspace.resolve("FILE")).hasBinaryContent(ADDRESSES);
    }

    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process openssl = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(new String(openssl.getInputStream().readAllBytes())).isZero();
    }

    @Test
    @DisplayName("The IRS drops a file signed with DOJ's key. Result: quarantined SIGNER_MISMATCH, nothing delivered.")
    void theIrsDropsAFileSignedByDoj_resultQuarantinedSignerMismatch() throws Exception {
        start();
        Path signed = signWith("DOJ", drop("IRS", "IRS-DOJ-2024", "b.csv.p7s", ADDRESSES));

        assertThat(process("IRS", signed)).isEqualTo(TransferOutcome.QUARANTINED);

        assertQuarantinedReceipt("IRS", "IRS-DOJ-2024", "b.csv.p7s", "SIGNER_MISMATCH");
        assertThat(inbox("DOJ").resolve("IRS-DOJ-2024")).doesNotExist();
    }

    @Test
    @DisplayName("The IRS drops a signed file whose content was changed. Result: quarantined, nothing delivered.")
    void theIrsDropsASignedFileWithChangedContent_resultQuarantined() throws Exception {
        start();
        Path signed = signWith("IRS", drop("IRS", "IRS-DOJ-2024", "c.csv.p7s", ADDRESSES));
        byte[] bytes = Files.readAllBytes(signed);
        int at = indexOf(bytes, "Jane".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        bytes[at] = 'X';
        write(signed, bytes);

        assertThat(process("IRS", signed)).isEqualTo(TransferOutcome.QUARANTINED);

        assertThat(inbox("DOJ").resolve("IRS-DOJ-2024")).doesNotExist();
    }

    @ParameterizedTest(name = "openssl cms -sign -md {0}")
    @ValueSource(strings = {"md5", "sha1"})
    @DisplayName("The IRS signs with its registered key but a broken digest. Result: quarantined SIGNER_ALGORITHM_REFUSED.")
    void aSignatureWithAnMd5OrSha1DigestIsQuarantinedNotDelivered(String digest) throws Exception {
        start();
        Path signed = signWith(workspace.resolve("keys-example/agencies/IRS"),
                drop("IRS", "IRS-DOJ-2024", "d.csv.p7s", ADDRESSES), digest);
        byte[] original = Files.readAllBytes(signed);

        assertThat(process("IRS", signed)).isEqualTo(TransferOutcome.QUARANTINED);

        assertQuarantined("IRS", "IRS-DOJ-2024", "d.csv.p7s", "SIGNER_ALGORITHM_REFUSED", original);
        assertThat(receipt("IRS", "IRS-DOJ-2024", "d.csv.p7s.quarantined.json").get("reasons").get(0)
                .get("message").asText()).contains(digest.equals("md5") ? "1.2.840.113549.2.5" : "1.3.14.3.2.26");
        assertThat(inbox("DOJ").resolve("IRS-DOJ-2024")).doesNotExist();
    }

    @Test
    @DisplayName("The IRS registered a 1024-bit RSA signing key and signs with it. Result: quarantined SIGNER_ALGORITHM_REFUSED.")
    void aSignatureByA1024BitRsaKeyIsQuarantinedNotDelivered() throws Exception {
        Path irs = workspace.resolve("keys-example/agencies/IRS");
        Path weak = workspace.resolve("keys-example/negative/weak-key");
        Files.copy(weak.resolve("sign.crt"), irs.resolve("sign.crt"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(weak.resolve("sign.key"), irs.resolve("sign.key"), StandardCopyOption.REPLACE_EXISTING);
        start();
        Path signed = signWith(irs, drop("IRS", "IRS-DOJ-2024", "e.csv.p7s", ADDRESSES), "sha256");
        byte[] original = Files.readAllBytes(signed);

        assertThat(process("IRS", signed)).isEqualTo(TransferOutcome.QUARANTINED);

        assertQuarantined("IRS", "IRS-DOJ-2024", "e.csv.p7s", "SIGNER_ALGORITHM_REFUSED", original);
        assertThat(inbox("DOJ").resolve("IRS-DOJ-2024")).doesNotExist();
    }

    /** Replaces the file by its CMS signature (content included) made by the agency's example signing key. */
    private Path signWith(String agency, Path file) throws IOException, InterruptedException {
        return signWith(workspace.resolve("keys-example/agencies").resolve(agency), file, "sha256");
    }

    /** Replaces the file by its CMS signature made with sign.crt/sign.key in {@code keys} and the digest given. */
    static Path signWith(Path keys, Path file, String digest) throws IOException, InterruptedException {
        Path out = file.resolveSibling("." + file.getFileName() + ".signing");
        Process openssl = new ProcessBuilder(List.of("openssl", "cms", "-sign", "-binary", "-nodetach", "-in",
                file.toString(), "-signer", keys.resolve("sign.crt").toString(), "-inkey",
                keys.resolve("sign.key").toString(), "-md", digest, "-outform", "DER", "-out", out.toString()))
                .redirectErrorStream(true).start();
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(new String(openssl.getInputStream().readAllBytes())).isZero();
        write(file, Files.readAllBytes(out));
        Files.delete(out);
        return file;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("content not found in the signed file");
    }
}
