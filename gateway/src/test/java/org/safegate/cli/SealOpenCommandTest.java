package org.safegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.testing.TestClocks;
import picocli.CommandLine;

/** The seal, open and keys example commands, run in-process. */
class SealOpenCommandTest {
    private static final Path KEYS = exampleKeys();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = SafegateCommand.newCommandLine(TestClocks.runningFromCaseDay());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String key(String path) {
        return KEYS.resolve(path).toString();
    }

    private int seal(Path in, Path sealed, String signer) {
        return run("seal", "--in", in.toString(), "--to", key("agencies/ICE/encrypt.crt"),
                "--sign-key", key(signer + ".key"), "--sign-cert", key(signer + ".crt"), "--out", sealed.toString());
    }

    private int open(Path sealed, Path result) {
        return run("open", "--in", sealed.toString(), "--key", key("agencies/ICE/encrypt.key"),
                "--cert", key("agencies/ICE/encrypt.crt"), "--ca", key("ca/ca.crt"), "--out", result.toString());
    }

    @Test
    void sealThenOpenPrintsTheSignerAndSigningTime() throws Exception {
        Path in = Files.writeString(dir.resolve("report.csv"), "id,address\n1,somewhere\n");

        assertThat(seal(in, dir.resolve("report.p7m"), "agencies/IRS/sign")).as(err.toString()).isZero();
        assertThat(open(dir.resolve("report.p7m"), dir.resolve("report.out"))).as(err.toString()).isZero();

        assertThat(dir.resolve("report.out")).hasSameBinaryContentAs(in);
        assertThat(out.toString()).contains("signed by: CN=IRS signing").contains("signing time: 20");
    }

    @Test
    void aRevokedSignerFailsWithExitCode2AndNoOutput() throws Exception {
        Path in = Files.writeString(dir.resolve("report.csv"), "x");
        assertThat(seal(in, dir.resolve("report.p7m"), "negative/revoked/sign")).isZero();

        assertThat(open(dir.resolve("report.p7m"), dir.resolve("report.out"))).isEqualTo(ExitCodes.INVALID_INPUT);

        assertThat(err.toString()).contains("CERT_REVOKED");
        assertThat(dir.resolve("report.out")).doesNotExist();
    }

    @Test
    void aCaWithoutACrlLeavesTheSignerUnknownUnlessDeclaredToPublishNone() throws Exception {
        Path in = Files.writeString(dir.resolve("report.csv"), "x");
        assertThat(seal(in, dir.resolve("report.p7m"), "agencies/IRS/sign")).isZero();
        Path ca = Files.copy(KEYS.resolve("ca/ca.crt"), Files.createDirectory(dir.resolve("ca")).resolve("ca.crt"));
        String[] open = {"open", "--in", dir.resolve("report.p7m").toString(), "--key", key("agencies/ICE/encrypt.key"),
            "--cert", key("agencies/ICE/encrypt.crt"), "--ca", ca.toString(), "--out", dir.resolve("report.out").toString()};

        assertThat(run(open)).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("CERT_STATUS_UNKNOWN", "no CRL");
        assertThat(dir.resolve("report.out")).doesNotExist();

        String[] declared = java.util.Arrays.copyOf(open, open.length + 1);
        declared[open.length] = "--crl-not-required";
        assertThat(run(declared)).as(err.toString()).isZero();
        assertThat(dir.resolve("report.out")).hasSameBinaryContentAs(in);
    }

    @Test
    void aTamperedFileFailsWithNoOutput() throws Exception {
        Path in = Files.writeString(dir.resolve("report.csv"), "x".repeat(10_000));
        assertThat(seal(in, dir.resolve("report.p7m"), "agencies/IRS/sign")).isZero();
        byte[] sealed = Files.readAllBytes(dir.resolve("report.p7m"));
        sealed[sealed.length / 2] ^= 1;
        Files.write(dir.resolve("report.p7m"), sealed);

        assertThat(open(dir.resolve("report.p7m"), dir.resolve("report.out"))).isEqualTo(ExitCodes.INVALID_INPUT);

        assertThat(err.toString()).contains("CRYPTO_DECRYPT_FAILED");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.csv", "report.p7m");
        }
    }

    @Test
    void aFileTheSenderSignedFirstOpensToItsContentWithBothSignersReported() throws Exception {
        Path in = Files.writeString(dir.resolve("report.csv"), "id,address\n1,somewhere\n");
        Path signed = opensslSign(in, "agencies/IRS/sign");
        assertThat(seal(signed, dir.resolve("report.p7m"), "gateway/sign")).as(err.toString()).isZero();

        assertThat(open(dir.resolve("report.p7m"), dir.resolve("report.out"))).as(err.toString()).isZero();

        assertThat(dir.resolve("report.out")).hasSameBinaryContentAs(in);
        assertThat(out.toString()).containsPattern("(?m)^signed by: CN=Safegate Gateway signing[^\n]*\\(certificate serial [0-9a-f]+, issued by CN=")
                .containsPattern("sender signed by: CN=IRS signing[^\n]*\\(certificate serial [0-9a-f]+, issued by CN=")
                .contains("verified " + Files.size(in) + " bytes");
    }

    @Test
    void aBadSignatureOfTheSenderInsideFailsWithNoOutput() throws Exception {
        Path in = Files.writeString(dir.resolve("report.csv"), "id,address\n1,somewhere\n");
        Path signed = opensslSign(in, "agencies/IRS/sign");
        byte[] bytes = Files.readAllBytes(signed);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        bytes[text.indexOf("somewhere")] = 'S';
        Files.write(signed, bytes);
        assertThat(seal(signed, dir.resolve("report.p7m"), "gateway/sign")).as(err.toString()).isZero();

        assertThat(open(dir.resolve("report.p7m"), dir.resolve("report.out"))).isEqualTo(ExitCodes.INVALID_INPUT);

        assertThat(err.toString()).contains("CRYPTO_SIGNATURE_INVALID").contains("the sender's signature inside");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("report.csv", "report.csv.signed", "report.p7m");
        }
    }

    /** The file signed by the agency's key with {@code openssl cms -sign}, as an agency does before dropping it. */
    private Path opensslSign(Path in, String signer) throws Exception {
        Path signed = in.resolveSibling(in.getFileName() + ".signed");
        Process openssl = new ProcessBuilder(java.util.List.of("openssl", "cms", "-sign", "-binary", "-nodetach",
                "-in", in.toString(), "-signer", key(signer + ".crt"), "-inkey", key(signer + ".key"),
                "-outform", "DER", "-out", signed.toString())).redirectErrorStream(true).start();
        assertThat(openssl.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(new String(openssl.getInputStream().readAllBytes())).isZero();
        return signed;
    }

    @Test
    void aMissingInputIsAnInvalidArgument() {
        assertThat(seal(dir.resolve("nope"), dir.resolve("x.p7m"), "agencies/IRS/sign")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(dir.resolve("x.p7m")).doesNotExist();
    }

    @Test
    void keysExampleWritesTheLayout() {
        assertThat(run("keys", "example", "--out", dir.resolve("k").toString())).as(err.toString()).isZero();
        assertThat(dir.resolve("k/agencies/ICE/encrypt.crt")).isRegularFile();
        assertThat(out.toString()).contains("INSECURE");
    }

    private static Path exampleKeys() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("keys-example"))) {
                return d.resolve("keys-example");
            }
        }
        throw new IllegalStateException("keys-example not found");
    }
}
