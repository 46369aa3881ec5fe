package org.safegate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.operator.ApiToken;

/** Where a command's operator credentials come from, and the sources that are refused. */
class OperatorCredentialsTest {
    private static final String TOKEN = ApiToken.generate("officer", "laptop", new SecureRandom());

    @TempDir
    Path dir;

    @Test
    void aTokenInTheEnvironmentComesFirst() {
        OperatorCredentials credentials = OperatorCredentials.resolve(Map.of("SAFEGATE_TOKEN", TOKEN,
                "SAFEGATE_API_USER", "admin", "SAFEGATE_API_PASSWORD", "x"), Optional.empty(), null);

        assertThat(credentials.operator()).isEqualTo("officer");
        assertThat(credentials.authorizationHeader()).isEqualTo("Bearer " + TOKEN);
        assertThat(credentials.toString()).doesNotContain(TOKEN.substring(TOKEN.lastIndexOf('.') + 1));
    }

    @Test
    void aTokenFileReadableByItsOwnerOnlyIsRead() throws IOException {
        Path file = tokenFile("rw-------");

        OperatorCredentials credentials = OperatorCredentials.resolve(Map.of(), Optional.of(file), null);

        assertThat(credentials).isInstanceOf(OperatorCredentials.Token.class);
        assertThat(credentials.operator()).isEqualTo("officer");
    }

    @Test
    void aTokenFileOthersCanReadIsRefusedNamingTheFile() throws IOException {
        Path file = tokenFile("rw-r--r--");

        assertThatThrownBy(() -> OperatorCredentials.resolve(Map.of(), Optional.of(file), null))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining(file.toString()).hasMessageContaining("chmod 600")
                .hasMessageNotContaining(TOKEN.substring(TOKEN.lastIndexOf('.') + 1));
    }

    @Test
    void aTokenFileNamedInTheEnvironmentIsRead() throws IOException {
        Path file = tokenFile("r--------");

        assertThat(OperatorCredentials.resolve(Map.of("SAFEGATE_TOKEN_FILE", file.toString()), Optional.empty(), null)
                .operator()).isEqualTo("officer");
    }

    @Test
    void anOperatorAndPasswordFromTheEnvironment() {
        OperatorCredentials credentials = OperatorCredentials.resolve(Map.of("SAFEGATE_API_USER", "officer",
                "SAFEGATE_API_PASSWORD", "secret words"), Optional.empty(), null);

        assertThat(credentials).isInstanceOf(OperatorCredentials.Password.class);
        assertThat(credentials.operator()).isEqualTo("officer");
        assertThat(credentials.toString()).doesNotContain("secret words");
    }

    @Test
    void withoutAnySourceAndNoTerminalTheErrorSaysWhereCredentialsCanComeFrom() {
        assertThatThrownBy(() -> OperatorCredentials.resolve(Map.of(), Optional.empty(), null))
                .isInstanceOf(SafegateException.class).hasMessageContaining("SAFEGATE_TOKEN")
                .hasMessageContaining("--token-file").hasMessageContaining("terminal");
    }

    @Test
    void aMalformedTokenIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> OperatorCredentials.resolve(Map.of("SAFEGATE_TOKEN", "not-a-token-secret"),
                Optional.empty(), null)).isInstanceOf(SafegateException.class)
                .hasMessageNotContaining("not-a-token-secret");
    }

    private Path tokenFile(String permissions) throws IOException {
        Path file = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }
}
