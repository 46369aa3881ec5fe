package org.safegate.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming decryptor agrees with the JDK's one-shot AES-GCM, and refuses any altered input. */
class GcmVerifyingInputStreamTest {
    private static final Random RANDOM = new Random(5);
    private final SecretKeySpec key = new SecretKeySpec(bytes(32), "AES");
    private final byte[] nonce = bytes(12);

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 8191, 8192, 8193, 100_000})
    void decryptsWhatTheJdkEncrypted(int size) throws Exception {
        byte[] plaintext = bytes(size);
        byte[] sealed = encrypt(plaintext);

        assertThat(decrypt(sealed)).isEqualTo(plaintext);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 15, 16, 30})
    void anyFlippedBitFailsTheTag(int fromEnd) throws Exception {
        byte[] sealed = encrypt(bytes(1000));
        sealed[sealed.length - 1 - fromEnd] ^= 0x10;

        assertThatThrownBy(() -> decrypt(sealed)).isInstanceOf(IOException.class)
                .hasCauseInstanceOf(AEADBadTagException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 17, 400, 410, 416})
    void truncatedInputFails(int cut) throws Exception {
        byte[] sealed = encrypt(bytes(400));

        assertThatThrownBy(() -> decrypt(Arrays.copyOf(sealed, sealed.length - cut)))
                .isInstanceOf(IOException.class).hasCauseInstanceOf(AEADBadTagException.class);
    }

    @Test
    void everyReadAfterATagFailureThrowsAgainInsteadOfLookingLikeACleanEnd() throws Exception {
        byte[] sealed = encrypt(bytes(1000));
        sealed[sealed.length - 1] ^= 0x01;

        try (var in = new GcmVerifyingInputStream(new ByteArrayInputStream(sealed), key, nonce)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                    .hasCauseInstanceOf(AEADBadTagException.class);
            assertThatThrownBy(in::read).isInstanceOf(IOException.class)
                    .hasRootCauseInstanceOf(AEADBadTagException.class);
            assertThatThrownBy(() -> in.read(new byte[10], 0, 10)).isInstanceOf(IOException.class)
                    .hasRootCauseInstanceOf(AEADBadTagException.class);
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                    .hasRootCauseInstanceOf(AEADBadTagException.class);
        }
    }

    @Test
    void everyReadAfterATruncatedInputThrowsAgain() throws Exception {
        byte[] sealed = Arrays.copyOf(encrypt(bytes(100)), 10);

        try (var in = new GcmVerifyingInputStream(new ByteArrayInputStream(sealed), key, nonce)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
            assertThatThrownBy(in::read).isInstanceOf(IOException.class)
                    .hasRootCauseInstanceOf(AEADBadTagException.class);
        }
    }

    @ParameterizedTest(name = "{0} bytes of content, {1} bytes of associated data")
    @CsvSource({"0,1", "0,16", "1,17", "15,31", "16,16", "17,100", "8192,5", "8193,300", "100000,1000"})
    void associatedDataKnownOnlyAtTheEndIsAuthenticated(int size, int aadSize) throws Exception {
        byte[] plaintext = bytes(size);
        byte[] aad = bytes(aadSize);
        byte[] sealed = encrypt(plaintext, aad);

        assertThat(decrypt(sealed, aad)).isEqualTo(plaintext);
        assertThatThrownBy(() -> decrypt(sealed, BadInputs.flip(aad, aadSize / 2)))
                .hasCauseInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> decrypt(sealed, new byte[0])).hasCauseInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> decrypt(encrypt(plaintext), aad)).hasCauseInstanceOf(AEADBadTagException.class);
    }

    private byte[] encrypt(byte[] plaintext) throws Exception {
        return encrypt(plaintext, new byte[0]);
    }

    private byte[] encrypt(byte[] plaintext, byte[] aad) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(aad);
        return cipher.doFinal(plaintext);
    }

    private byte[] decrypt(byte[] sealed) throws Exception {
        return decrypt(sealed, new byte[0]);
    }

    private byte[] decrypt(byte[] sealed, byte[] aad) throws Exception {
        try (var in = new GcmVerifyingInputStream(new ByteArrayInputStream(sealed), key, nonce, aad::clone)) {
            return in.readAllBytes();
        }
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
