package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.audit.AuditEventType;
import org.safegate.transfer.TransferProcessor.Outcome;

/** Agencies that sign what they send, with the real {@code openssl cms -sign} as the agency's tool. */
class SignedInputTransferTest extends TransferScenarioTest {

    @Test
    @DisplayName("The IRS signs its file with its registered key. Result: delivered, the IRS signature travelling inside.")
    void theIrsSignsItsFile_resultDeliveredWithTheSignatureInside() throws Exception {
        start();
        Path signed = signWith("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv.p7s", ADDRESSES));

        assertThat(process("IRS", signed)).isEqualTo(Outcome.DELIVERED);

        Path delivered = inbox("DOJ").resolve("IRS-DOJ-2024/a.csv.p7s.p7m");
        assertThat(openAsDoj(delivered)).isEqualTo(Files.readAllBytes(archived(
                single(AuditEventType.TRANSFER_DELIVERED).entry().transferId())));
    }

    @Test
    @DisplayName("The IRS drops a file signed with DOJ's key. Result: quarantined SIGNER_MISMATCH, nothing delivered.")
    void theIrsDropsAFileSignedByDoj_resultQuarantinedSignerMismatch() throws Exception {
        start();
        Path signed = signWith("DOJ", drop("IRS", "IRS-DOJ-2024", "b.csv.p7s", ADDRESSES));

        assertThat(process("IRS", signed)).isEqualTo(Outcome.QUARANTINED);

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

        assertThat(process("IRS", signed)).isEqualTo(Outcome.QUARANTINED);

        assertThat(inbox("DOJ").resolve("IRS-DOJ-2024")).doesNotExist();
    }

    /** Replaces the file by its CMS signature (content included) made by the agency's example signing key. */
    private Path signWith(String agency, Path file) throws IOException, InterruptedException {
        Path keys = workspace.resolve("keys-example/agencies").resolve(agency);
        Path out = file.resolveSibling("." + file.getFileName() + ".signing");
        Process openssl = new ProcessBuilder(List.of("openssl", "cms", "-sign", "-binary", "-nodetach", "-in",
                file.toString(), "-signer", keys.resolve("sign.crt").toString(), "-inkey",
                keys.resolve("sign.key").toString(), "-md", "sha256", "-outform", "DER", "-out", out.toString()))
                .redirectErrorStream(true).start();
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(new String(openssl.getInputStream().readAllBytes())).isZero();
        return write(file, Files.readAllBytes(out));
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
