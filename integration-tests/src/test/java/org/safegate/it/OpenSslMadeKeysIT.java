package org.safegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys and certificates made with plain {@code openssl genpkey} / {@code openssl req}, no
 * conversion, work with seal and open: a CA, an agency encryption key (PKCS#8) and a signing key
 * in the traditional PKCS#1 form.
 */
class OpenSslMadeKeysIT {
    @TempDir
    Path dir;

    private void openssl(String... args) throws IOException, InterruptedException {
        Tool.openssl(dir, args).assertSuccess();
    }

    private void issue(String name, String subject, String keyUsage) throws IOException, InterruptedException {
        Files.writeString(dir.resolve(name + ".ext"), "basicConstraints=CA:FALSE\nkeyUsage=critical," + keyUsage + "\n");
        openssl("req", "-new", "-key", name + ".key", "-subj", subject, "-out", name + ".csr");
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "30", "-sha256", "-extfile", name + ".ext", "-out", name + ".crt");
    }

    @Test
    void plainOpenSslKeysSealAndOpen() throws Exception {
        openssl("req", "-x509", "-newkey", "rsa:3072", "-nodes", "-keyout", "ca.key", "-subj", "/CN=Test Root CA",
                "-days", "30", "-sha256", "-out", "ca.crt");
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "encrypt.key");
        issue("encrypt", "/CN=Test Agency encryption", "keyEncipherment");
        openssl("genrsa", "-traditional", "-out", "sign.key", "2048");
        issue("sign", "/CN=Test Agency signing", "digitalSignature");
        assertThat(Files.readString(dir.resolve("encrypt.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(dir.resolve("sign.key"))).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        Path plain = Files.writeString(dir.resolve("plain.txt"), "made with openssl keys\n");

        // a CA made with plain openssl req publishes no CRL: that is declared, or revocation is unknown
        Tool.safegate(dir, "seal", "--in", "plain.txt", "--to", "encrypt.crt", "--sign-key", "sign.key",
                "--sign-cert", "sign.crt", "--ca", "ca.crt", "--crl-not-required", "--out", "plain.p7m").assertSuccess();
        Tool.Result opened = Tool.safegate(dir, "open", "--in", "plain.p7m", "--key", "encrypt.key",
                "--cert", "encrypt.crt", "--ca", "ca.crt", "--crl-not-required", "--out", "opened.txt").assertSuccess();

        assertThat(opened.output()).contains("signed by: CN=Test Agency signing");
        assertThat(dir.resolve("opened.txt")).hasSameTextualContentAs(plain);
    }
}
