package org.safegate.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/**
 * The byte encoding that event hashes and checkpoint signatures cover. It is specified in
 * docs/audit-format.md so that an auditor can re-implement verification without this code:
 * a JSON object with fixed member order, no whitespace, every member present ({@code null} when
 * absent), strings escaped minimally, UTF-8. Changing anything here breaks every existing chain.
 */
public final class CanonicalEncoding {
    /** The previous hash of the first event ever appended. */
    public static final String GENESIS = "0".repeat(64);
    static final int VERSION = 1;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();
    // a digest per thread: looking one up costs more than hashing a small event
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(CanonicalEncoding::newSha256);

    private CanonicalEncoding() {
    }

    /** The hash of an event: lower-case hex SHA-256 of {@link #encode(AuditEvent)}. */
    public static String hash(AuditEvent event) {
        return sha256(encode(event));
    }

    public static byte[] encode(AuditEvent event) {
        AuditEntry e = event.entry();
        StringBuilder out = new StringBuilder(512);
        out.append("{\"v\":").append(VERSION);
        out.append(",\"seq\":").append(event.sequence());
        string(out, "time", formatTime(event.time()));
        string(out, "type", e.type().name());
        string(out, "actor", e.actor());
        string(out, "origin", e.origin());
        string(out, "object", e.object());
        string(out, "outcome", e.outcome().name());
        string(out, "transfer", e.transferId());
        string(out, "provider", e.provider());
        string(out, "recipient", e.recipient());
        string(out, "agreement", e.agreement());
        string(out, "authority", e.authority());
        string(out, "category", e.category());
        string(out, "payloadDigest", e.payloadDigest());
        number(out, "size", e.size());
        number(out, "records", e.recordCount());
        string(out, "decision", e.decision());
        reasons(out, e.reasonCodes());
        string(out, "parent", e.parentTransfer());
        string(out, "change", e.change());
        string(out, "prev", event.previousHash());
        out.append('}');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** What a checkpoint signs: the chain head at {@code sequence}, when, and by which key. */
    public static byte[] encodeCheckpoint(long sequence, String hash, Instant time, String keyId) {
        StringBuilder out = new StringBuilder(200);
        out.append("{\"v\":").append(VERSION).append(",\"checkpoint\":").append(sequence);
        string(out, "hash", hash);
        string(out, "time", formatTime(time));
        string(out, "keyId", keyId);
        out.append('}');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code YYYY-MM-DDTHH:MM:SS.mmmZ}; written by hand because verification formats millions of times. */
    public static String formatTime(Instant time) {
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(time.getEpochSecond(), time.getNano(),
                ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return TIME.format(time);
        }
        char[] out = new char[24];
        digits(out, 0, t.getYear(), 4);
        out[4] = '-';
        digits(out, 5, t.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, t.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, t.getHour(), 2);
        out[13] = ':';
        digits(out, 14, t.getMinute(), 2);
        out[16] = ':';
        digits(out, 17, t.getSecond(), 2);
        out[19] = '.';
        digits(out, 20, t.getNano() / 1_000_000, 3);
        out[23] = 'Z';
        return new String(out);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            out[at + i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Times are kept to the millisecond, the precision every supported store round-trips. */
    public static Instant truncate(Instant time) {
        return time.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    public static String sha256(byte[] bytes) {
        return HEX.formatHex(SHA256.get().digest(bytes));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void string(StringBuilder out, String name, String value) {
        out.append(",\"").append(name).append("\":");
        if (value == null) {
            out.append("null");
        } else {
            quote(out, value);
        }
    }

    private static void number(StringBuilder out, String name, Long value) {
        out.append(",\"").append(name).append("\":").append(value == null ? "null" : value.toString());
    }

    private static void reasons(StringBuilder out, List<String> codes) {
        out.append(",\"reasons\":[");
        for (int i = 0; i < codes.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            quote(out, codes.get(i));
        }
        out.append(']');
    }

    /** RFC 8259 escaping, minimal: only quote, backslash and control characters are escaped. */
    private static void quote(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
