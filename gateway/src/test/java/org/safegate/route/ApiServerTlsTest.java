package org.safegate.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safegate.admin.ApiGateway;

/**
 * What a TLS client can negotiate with the admin API, asked with the real {@code openssl s_client}.
 * Result: TLS 1.3, or TLS 1.2 with an ECDHE key exchange and an AEAD cipher; never a static-RSA key
 * exchange (no forward secrecy) nor a CBC suite with SHA-1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiServerTlsTest {
    /** The line s_client prints after the handshake: {@code New, TLSv1.2, Cipher is ECDHE-RSA-AES128-GCM-SHA256}. */
    private static final Pattern NEW_SESSION = Pattern.compile("New, (\\S+), Cipher is (\\S+)");

    ApiGateway api;

    @BeforeAll
    void start(@TempDir Path workspace) throws Exception {
        api = ApiGateway.start(workspace, Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
    }

    @ParameterizedTest(name = "{0} {1}: accepted {2}")
    @CsvSource({
            // static RSA key exchange: whoever gets the server key later reads every recorded session
            "-tls1_2, AES128-GCM-SHA256, false",
            "-tls1_2, AES256-GCM-SHA384, false",
            // CBC with SHA-1 (padding oracles, Lucky 13)
            "-tls1_2, ECDHE-RSA-AES128-SHA, false",
            "-tls1_2, ECDHE-RSA-AES256-SHA, false",
            "-tls1_2, AES128-SHA, false",
            // CBC with SHA-2 is still CBC
            "-tls1_2, ECDHE-RSA-AES128-SHA256, false",
            // finite-field Diffie-Hellman
            "-tls1_2, DHE-RSA-AES128-GCM-SHA256, false",
            "-tls1_2, ECDHE-RSA-AES128-GCM-SHA256, true",
            "-tls1_2, ECDHE-RSA-AES256-GCM-SHA384, true",
            "-tls1_2, ECDHE-RSA-CHACHA20-POLY1305, true",
            "-tls1_3, '', true",
    })
    void aClientOffersOnlyOneSuite_resultOnlyForwardSecretAeadSuitesAreAccepted(String version, String cipher,
                                                                              boolean accepted) throws Exception {
        Matcher session = NEW_SESSION.matcher(sClient(version, cipher));

        assertThat(session.find()).as("openssl s_client reports the session").isTrue();
        if (accepted) {
            assertThat(session.group(1)).isEqualTo(version.equals("-tls1_3") ? "TLSv1.3" : "TLSv1.2");
            assertThat(session.group(2)).isNotEqualTo("(NONE)");
            if (!cipher.isEmpty()) {
                assertThat(session.group(2)).isEqualTo(cipher);
            }
        } else {
            assertThat(session.group(2)).as("no suite was agreed").isEqualTo("(NONE)");
        }
    }

    /** {@code openssl s_client} offering one protocol (and, for TLS 1.2, one cipher suite); its output. */
    private String sClient(String version, String cipher) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + api.port,
                "-servername", "localhost", "-CAfile", api.workspace.resolve("keys-example/ca/ca.crt").toString(),
                "-verify_return_error", version));
        if (!cipher.isEmpty()) {
            command.addAll(List.of("-cipher", cipher));
        }
        Process openssl = new ProcessBuilder(command).redirectErrorStream(true).start();
        openssl.getOutputStream().close();
        boolean ended = openssl.waitFor(60, TimeUnit.SECONDS);
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            openssl.destroyForcibly();
        }
        assertThat(ended).as("openssl s_client ended: " + output).isTrue();
        return output;
    }
}
