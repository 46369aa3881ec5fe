package org.safegate.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * Random mutations of a valid sealed file (fixed mutation seed): every outcome must
 * be a clean {@link SafegateException} or the original, verified plaintext; nothing else may
 * escape, and nothing may hang.
 */
class MutationFuzzTest {
    private static final int ROUNDS = 1500;
    private static final long SEED = 20261126L;

    @Test
    void everyMutationIsACleanErrorOrTheVerifiedPlaintext() {
        byte[] plaintext = new byte[3000];
        new Random(SEED).nextBytes(plaintext);
        byte[] valid = BadInputs.seal(plaintext, TestKeys.irsSigning());
        Opener opener = TestKeys.iceOpener();
        Random random = new Random(SEED);
        Map<ErrorCode, Integer> outcomes = new EnumMap<>(ErrorCode.class);
        int[] intact = {0};

        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            for (int round = 0; round < ROUNDS; round++) {
                byte[] mutated = mutate(valid, random);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    opener.open(new ByteArrayInputStream(mutated), mutated.length, out, null);
                    assertThat(out.toByteArray()).as("round %d returned content", round).isEqualTo(plaintext);
                    intact[0]++;
                } catch (SafegateException e) {
                    outcomes.merge(e.code(), 1, Integer::sum);
                } catch (RuntimeException | Error e) {
                    throw new AssertionError("round " + round + " escaped with " + e + "; input kept in "
                            + keep(round, valid, mutated), e);
                }
            }
        });
        System.out.println("fuzz outcomes: " + outcomes + ", verified plaintext: " + intact[0]);
        assertThat(outcomes).containsKeys(ErrorCode.CRYPTO_MALFORMED, ErrorCode.CRYPTO_DECRYPT_FAILED);
    }

    /** The sealed file is random each run (key, nonce, time), so a failing input is written out to reproduce it. */
    private static Path keep(int round, byte[] valid, byte[] mutated) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
            Files.write(dir.resolve("round-" + round + "-valid.p7m"), valid);
            Files.write(dir.resolve("round-" + round + "-mutated.p7m"), mutated);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] copy = valid.clone();
        int kind = random.nextInt(6);
        int at = random.nextInt(copy.length);
        switch (kind) {
            case 0 -> copy[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> copy[at] = (byte) random.nextInt(256);
            case 2 -> {
                for (int i = 0; i < 1 + random.nextInt(8); i++) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
            }
            case 3 -> copy = Arrays.copyOf(copy, at);
            case 4 -> {
                byte[] longer = new byte[copy.length + 1];
                System.arraycopy(copy, 0, longer, 0, at);
                longer[at] = (byte) random.nextInt(256);
                System.arraycopy(copy, at, longer, at + 1, copy.length - at);
                copy = longer;
            }
            default -> {
                byte[] shorter = new byte[copy.length - 1];
                System.arraycopy(copy, 0, shorter, 0, at);
                System.arraycopy(copy, at + 1, shorter, at, copy.length - at - 1);
                copy = shorter;
            }
        }
        return copy;
    }
}
