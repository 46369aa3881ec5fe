package org.safegate.inspect.rules;

import org.safegate.inspect.normal.Text;
import org.safegate.inspect.read.CsvScanner;

/**
 * Fingerprints of reasons in the form they are compared in ({@link Text#words}: upper case,
 * punctuation and spacing ignored), computed without building that form. ASCII reasons, nearly all
 * of them, are tokenised straight from their bytes by the rules of {@code Text.tokens}; any other
 * goes through {@link Text#words}, so both give the same fingerprint. One instance per pass.
 */
public final class ReasonKeys {
    private static final int NOT_ASCII = -1;

    private byte[] scratch = new byte[256];
    private long fingerprint;

    /** True when the reason has words; their fingerprint is then {@link #fingerprint()}. */
    public boolean of(String reason) {
        int length = reason.length();
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        for (int i = 0; i < length; i++) {
            char c = reason.charAt(i);
            if (c >= 0x80) {
                return ofText(reason);
            }
            scratch[i] = (byte) c;
        }
        return ascii(scratch, 0, length) > 0;
    }

    /** As {@link #of(String)}, for a field of the scanner's current record. */
    public boolean of(CsvScanner scanner, int field) {
        int words = scanner.escaped(field) ? NOT_ASCII
                : ascii(scanner.bytes(), scanner.start(field), scanner.end(field));
        return words == NOT_ASCII ? ofText(scanner.field(field)) : words > 0;
    }

    public long fingerprint() {
        return fingerprint;
    }

    private boolean ofText(String reason) {
        String key = Text.words(reason);
        fingerprint = Fingerprint.of(key);
        return !key.isEmpty();
    }

    /** The number of words, or {@link #NOT_ASCII}; the same steps as Text.tokens, feeding the hash. */
    private int ascii(byte[] bytes, int from, int to) {
        long hash = Fingerprint.START;
        int words = 0;
        int tokenLength = 0;
        int last = 0;
        for (int i = from; i < to; i++) {
            int c = upper(bytes[i]);
            if (c == NOT_ASCII) {
                return NOT_ASCII;
            }
            if (isAlphanumeric(c)) {
                if (tokenLength == 0) {
                    hash = words > 0 ? Fingerprint.add(hash, ' ') : hash;
                    words++;
                }
                hash = Fingerprint.add(hash, (char) c);
                tokenLength++;
                last = c;
            } else if (c == '\'' || c == '`' || c == '.' && joinsInitials(bytes, from, to, i)) {
                continue;
            } else if ((c == '-' || c == '/') && tokenLength > 0 && i + 1 < to && isDigit(last)
                    && isDigit(upper(bytes[i + 1]))) {
                hash = Fingerprint.add(hash, (char) c);
                tokenLength++;
                last = c;
            } else {
                tokenLength = 0;
                if (c == '#') {
                    hash = Fingerprint.add(words > 0 ? Fingerprint.add(hash, ' ') : hash, '#');
                    words++;
                }
            }
        }
        fingerprint = Fingerprint.finish(hash);
        return words;
    }

    private static boolean joinsInitials(byte[] bytes, int from, int to, int dot) {
        return dot - from >= 1 && dot + 1 < to && isLetter(upper(bytes[dot - 1])) && isLetter(upper(bytes[dot + 1]))
                && (dot - from < 2 || !isAlphanumeric(upper(bytes[dot - 2])))
                && (dot + 2 >= to || !isAlphanumeric(upper(bytes[dot + 2])));
    }

    private static int upper(byte b) {
        if (b < 0) {
            return NOT_ASCII;
        }
        return b >= 'a' && b <= 'z' ? b - ('a' - 'A') : b;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(int c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isAlphanumeric(int c) {
        return isDigit(c) || isLetter(c);
    }
}
