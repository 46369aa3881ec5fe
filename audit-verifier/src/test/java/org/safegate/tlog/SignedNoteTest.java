package org.safegate.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignedNoteTest {
    private static final String ORIGIN = "irs.example.gov/safegate-audit";

    private static KeyPair pair(String algorithm) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(algorithm.equals("RSA") ? 2048 : 256);
        return generator.generateKeyPair();
    }

    private static SignedNote sign(TreeHead head, KeyPair pair, NoteKey key) throws GeneralSecurityException {
        Signature signer = Signature.getInstance(key.algorithm());
        signer.initSign(pair.getPrivate());
        signer.update(head.text().getBytes(StandardCharsets.UTF_8));
        return new SignedNote(head.text(), List.of(key.signatureLine(signer.sign())));
    }

    private static TreeHead head() {
        return new TreeHead(ORIGIN, 37, TreeHashes.leaf(new byte[] {7}), List.of("time 2026-12-01T12:00:00.000Z",
                "previous 20"));
    }

    @ParameterizedTest
    @CsvSource({"RSA", "EC"})
    void aSignedCheckpointRoundTripsAndVerifiesOnlyWithItsKey(String algorithm) throws Exception {
        KeyPair pair = pair(algorithm);
        NoteKey key = new NoteKey(ORIGIN, pair.getPublic());
        String written = sign(head(), pair, key).format();

        assertThat(written).startsWith(ORIGIN + "\n37\n").contains("\nprevious 20\n\n\u2014 " + ORIGIN + " ");
        SignedNote read = SignedNote.parse(written);
        assertThat(TreeHead.parse(read.text())).isEqualTo(head());
        assertThat(TreeHead.parse(read.text()).extension("previous")).contains("20");
        assertThat(key.check(read)).isEqualTo(NoteKey.Check.VALID);
        assertThat(new NoteKey(ORIGIN, pair(algorithm).getPublic()).check(read)).isEqualTo(NoteKey.Check.OTHER_KEY);

        SignedNote altered = new SignedNote(read.text().replace("\n37\n", "\n38\n"), read.signatures());
        assertThat(key.check(altered)).isEqualTo(NoteKey.Check.BAD_SIGNATURE);
    }

    @Test
    void anEcKeyIdIsTheStartOfTheHashOfItsPublicKeyAsSignedNoteSays() throws Exception {
        KeyPair pair = pair("EC");
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded());
        int expected = ((hash[0] & 0xff) << 24) | ((hash[1] & 0xff) << 16) | ((hash[2] & 0xff) << 8) | (hash[3] & 0xff);
        assertThat(new NoteKey(ORIGIN, pair.getPublic()).keyId()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "log\\n37\\n| a signed note is a text, a blank line and signature lines",
        "log\\n37\\nAAAA\\n\\n\u2014 log\\n| a signature line is",
        "log\\n37\\nAAAA\\n\\n\u2014 log !!!\\n| the signature of log is not base64",
        "log\\n37\\nAAAA\\n\\n\u2014 log AAAA\\n| a signature is a 4-byte key id and the signature proper",
        "log\\u0007\\n37\\nAAAA\\n\\n\u2014 log AAAAAA==\\n| no control characters other than newline"})
    void aMalformedNoteSaysWhatIsWrong(String note, String message) {
        String text = note.replace("\\n", "\n").replace("\\u0007", "\u0007");
        assertThatThrownBy(() -> SignedNote.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "log\\n37\\n| at least three lines",
        "log\\n037\\nAAAA\\n| line 2 of a checkpoint is the tree size in decimal, not '037'",
        "log\\n-1\\nAAAA\\n| line 2 of a checkpoint is the tree size",
        "log\\n37\\n%%%\\n| line 3 of a checkpoint is the base64 root hash",
        "log\\n37\\nAAAA\\n| a 32-byte root",
        "my log\\n37\\n" + "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=" + "\\n| without spaces or '+'"})
    void aMalformedCheckpointSaysWhichLine(String text, String message) {
        assertThatThrownBy(() -> TreeHead.parse(text.replace("\\n", "\n"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
