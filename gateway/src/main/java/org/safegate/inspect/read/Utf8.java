package org.safegate.inspect.read;

/** Strict UTF-8 checks on bytes: overlong forms, surrogates and code points past U+10FFFF are invalid. */
final class Utf8 {
    private Utf8() {
    }

    /**
     * The length of the well-formed character whose lead byte (not ASCII) is at {@code at}, or -1
     * when it is malformed or cut off by {@code limit} (Unicode 15, table 3-7).
     */
    static int sequenceLength(byte[] bytes, int at, int limit) {
        int first = bytes[at] & 0xFF;
        int extra;
        int min = 0x80;
        int max = 0xBF;
        if (first >= 0xC2 && first <= 0xDF) {
            extra = 1;
        } else if (first >= 0xE0 && first <= 0xEF) {
            extra = 2;
            min = first == 0xE0 ? 0xA0 : 0x80;
            max = first == 0xED ? 0x9F : 0xBF;
        } else if (first >= 0xF0 && first <= 0xF4) {
            extra = 3;
            min = first == 0xF0 ? 0x90 : 0x80;
            max = first == 0xF4 ? 0x8F : 0xBF;
        } else {
            return -1;
        }
        for (int i = 1; i <= extra; i++) {
            if (at + i >= limit) {
                return -1;
            }
            int next = bytes[at + i] & 0xFF;
            if (next < (i == 1 ? min : 0x80) || next > (i == 1 ? max : 0xBF)) {
                return -1;
            }
        }
        return extra + 1;
    }

    /** The characters (code points) in already validated bytes: every byte but continuation bytes. */
    static long characters(byte[] bytes, int from, int to) {
        long count = 0;
        for (int i = from; i < to; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                count++;
            }
        }
        return count;
    }
}
