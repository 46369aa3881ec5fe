package org.safegate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenSSL as an independent party, both ways, against the built jar: a recipient with only
 * OpenSSL opens what Safegate seals, Safegate opens what an agency made with OpenSSL, and a
 * flipped byte makes both refuse. A missing openssl fails this test; it is never skipped.
 */
class OpenSslInteropIT {
    @TempDir
    Path dir;
    private Path plaintext;

    @BeforeAll
    static void opensslIsInstalled() throws InterruptedException {
        try {
            Tool.Result version = Tool.openssl(Path.of(System.getProperty("java.io.tmpdir")), "version");
            assertThat(version.exitCode()).as(version.output()).isZero();
        } catch (IOException e) {
            fail("openssl is required for the interoperability tests and was not found: " + e.getMessage());
        }
    }

    @BeforeEach
    void writePlaintext() throws IOException {
        byte[] bytes = new byte[3_000_000];
        new Random(11).nextBytes(bytes);
        plaintext = Files.write(dir.resolve("plain.bin"), bytes);
    }

    private static String key(String path) {
        return Tool.keys().resolve(path).toString();
    }

    private void safegateSeal(Path out) throws IOException, InterruptedException {
        Tool.safegate(dir, "seal", "--in", plaintext.toString(), "--to", key("agencies/ICE/encrypt.crt"),
                "--sign-key", key("agencies/IRS/sign.key"), "--sign-cert", key("agencies/IRS/sign.crt"),
                "--out", out.toString()).assertSuccess();
    }

    private Tool.Result safegateOpen(Path in, Path out) throws IOException, InterruptedException {
        return Tool.safegate(dir, "open", "--in", in.toString(), "--key", key("agencies/ICE/encrypt.key"),
                "--cert", key("agencies/ICE/encrypt.crt"), "--ca", key("ca/ca.crt"), "--out", out.toString());
    }

    private Tool.Result opensslDecrypt(Path in, Path out) throws IOException, InterruptedException {
        return Tool.openssl(dir, "cms", "-decrypt", "-inform", "DER", "-in", in.toString(),
                "-recip", key("agencies/ICE/encrypt.crt"), "-inkey", key("agencies/ICE/encrypt.key"),
                "-out", out.toString());
    }

    private void opensslSignAndEncrypt(Path out, String... encryptOptions) throws IOException, InterruptedException {
        Path signed = dir.resolve("signed-by-openssl.der");
        Tool.openssl(dir, "cms", "-sign", "-binary", "-nodetach", "-in", plaintext.toString(),
                "-signer", key("agencies/DOJ/sign.crt"), "-inkey", key("agencies/DOJ/sign.key"),
                "-outform", "DER", "-out", signed.toString()).assertSuccess();
        String[] base = {"cms", "-encrypt", "-binary", "-in", signed.toString(), "-aes-256-gcm",
                "-recip", key("agencies/ICE/encrypt.crt"), "-keyopt", "rsa_padding_mode:oaep",
                "-outform", "DER", "-out", out.toString()};
        String[] all = new String[base.length + encryptOptions.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(encryptOptions, 0, all, base.length, encryptOptions.length);
        Tool.openssl(dir, all).assertSuccess();
    }

    @Test
    void aFileSealedBySafegateDecryptsAndVerifiesWithOpenSsl() throws Exception {
        Path sealed = dir.resolve("to-ice.p7m");
        safegateSeal(sealed);

        opensslDecrypt(sealed, dir.resolve("signed.der")).assertSuccess();
        Tool.openssl(dir, "cms", "-verify", "-inform", "DER", "-in", dir.resolve("signed.der").toString(),
                "-CAfile", key("ca/ca.crt"), "-binary", "-out", dir.resolve("verified.bin").toString()).assertSuccess();

        assertThat(dir.resolve("verified.bin")).hasSameBinaryContentAs(plaintext);
    }

    @Test
    void aFileSignedAndEncryptedByOpenSslOpensWithSafegate() throws Exception {
        Path sealed = dir.resolve("from-doj.p7m");
        opensslSignAndEncrypt(sealed);

        Tool.Result opened = safegateOpen(sealed, dir.resolve("opened.bin")).assertSuccess();

        assertThat(opened.output()).contains("signed by: CN=DOJ signing").contains("signing time: 20");
        assertThat(dir.resolve("opened.bin")).hasSameBinaryContentAs(plaintext);
    }

    @Test
    void anOpenSslStreamedFileWithOaepSha256OpensWithSafegate() throws Exception {
        Path sealed = dir.resolve("from-doj-stream.p7m");
        opensslSignAndEncrypt(sealed, "-stream", "-keyopt", "rsa_oaep_md:sha256");

        safegateOpen(sealed, dir.resolve("opened.bin")).assertSuccess();

        assertThat(dir.resolve("opened.bin")).hasSameBinaryContentAs(plaintext);
    }

    @Test
    void aFlippedByteInASafegateFileMakesBothRefuse() throws Exception {
        Path sealed = dir.resolve("to-ice.p7m");
        safegateSeal(sealed);
        flipMiddleByte(sealed);

        opensslDecrypt(sealed, dir.resolve("openssl-out.der")).assertFailure();
        Tool.Result refused = safegateOpen(sealed, dir.resolve("safegate-out.bin")).assertFailure();

        assertThat(refused.output()).contains("CRYPTO_DECRYPT_FAILED");
        assertThat(dir.resolve("safegate-out.bin")).doesNotExist();
    }

    @Test
    void aFlippedByteInAnOpenSslFileMakesBothRefuse() throws Exception {
        Path sealed = dir.resolve("from-doj.p7m");
        opensslSignAndEncrypt(sealed);
        flipMiddleByte(sealed);

        opensslDecrypt(sealed, dir.resolve("openssl-out.der")).assertFailure();
        Tool.Result refused = safegateOpen(sealed, dir.resolve("safegate-out.bin")).assertFailure();

        assertThat(refused.output()).contains("CRYPTO_DECRYPT_FAILED");
        assertThat(dir.resolve("safegate-out.bin")).doesNotExist();
    }

    @Test
    void anOpenSslFileFromARevokedSignerIsRefused() throws Exception {
        Path signed = dir.resolve("signed.der");
        Tool.openssl(dir, "cms", "-sign", "-binary", "-nodetach", "-in", plaintext.toString(),
                "-signer", key("negative/revoked/sign.crt"), "-inkey", key("negative/revoked/sign.key"),
                "-outform", "DER", "-out", signed.toString()).assertSuccess();
        Path sealed = dir.resolve("revoked.p7m");
        Tool.openssl(dir, "cms", "-encrypt", "-binary", "-in", signed.toString(), "-aes-256-gcm",
                "-recip", key("agencies/ICE/encrypt.crt"), "-keyopt", "rsa_padding_mode:oaep",
                "-outform", "DER", "-out", sealed.toString()).assertSuccess();

        Tool.Result refused = safegateOpen(sealed, dir.resolve("out.bin")).assertFailure();

        assertThat(refused.output()).contains("CERT_REVOKED");
        assertThat(dir.resolve("out.bin")).doesNotExist();
    }

    private static void flipMiddleByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
    }
}
