package org.safegate.transfer;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Which file names the gateway accepts from an outbox. A name travels into a partner's inbox, a
 * receipt and the audit log, so anything that could escape a folder, hide in a terminal or
 * overflow a file system is refused.
 */
public final class FileNames {
    /** Leaves room for a counter, {@code .p7m} and receipt suffixes under the common 255-byte limit. */
    public static final int MAX_BYTES = 200;

    private FileNames() {
    }

    /** Why the name is unacceptable, or empty when it is fine. */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("the name is empty");
        }
        if (name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")) {
            return Optional.of("the name could leave its folder");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("the name is longer than " + MAX_BYTES + " bytes");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u202e') {
                return Optional.of("the name contains a control character (U+" + String.format("%04X", (int) c) + ")");
            }
        }
        if (name.isBlank() || !name.equals(name.strip())) {
            return Optional.of("the name starts or ends with white space");
        }
        return Optional.empty();
    }

    /** A form of the name that is safe to print in messages even when the name was refused. */
    public static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(MAX_BYTES).forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x202e) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
