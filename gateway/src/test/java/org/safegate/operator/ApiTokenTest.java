package org.safegate.operator;

import static org.assertj.core.api.Assertions.assertThat;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The token text {@code <operator>.<name>.<secret>}: made, read, and never shown. */
class ApiTokenTest {

    @Test
    void aGeneratedTokenReadsBackAsItsOperatorNameAndSecret() {
        String token = ApiToken.generate("ann.lee", "nightly", new SecureRandom());

        ApiToken parsed = ApiToken.parse(token).orElseThrow();

        assertThat(parsed.operator()).isEqualTo("ann.lee");
        assertThat(parsed.name()).isEqualTo("nightly");
        assertThat(new String((char[]) parsed.getCredentials())).hasSize(43).isEqualTo(token.substring(token.lastIndexOf('.') + 1));
        assertThat(parsed.toString()).doesNotContain(new String((char[]) parsed.getCredentials()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "secret", "ann.secret", ".name.secret", "ann..secret", "ann.name.", "..."})
    void textNotOfTheTokensShapeIsNotAToken(String text) {
        assertThat(ApiToken.parse(text)).isEmpty();
    }
}
