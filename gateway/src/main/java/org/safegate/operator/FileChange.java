package org.safegate.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A policy file before and after a change, described for the audit log: both SHA-256 digests (the
 * exact versions are kept under those names in the policy history) and the changed lines.
 */
record FileChange(String file, String before, String after) {
    /** The audit log's change text holds at most this many characters. */
    static final int MAX_CHARS = 3900;

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** {@code <what>; before sha256:..; after sha256:..; changed lines: - old / + new}, cut to fit. */
    String describe(String what) {
        String head = what + "; file " + file + "; before " + (before.isEmpty() ? "(no file)" : "sha256:" + sha256(before))
                + "; after sha256:" + sha256(after) + "; changed lines:";
        StringBuilder text = new StringBuilder(head);
        List<String> lines = changedLines();
        for (int i = 0; i < lines.size(); i++) {
            String line = "\n" + lines.get(i);
            if (text.length() + line.length() > MAX_CHARS - 80) {
                text.append("\n... ").append(lines.size() - i)
                        .append(" more changed lines; both versions are in the policy history");
                break;
            }
            text.append(line);
        }
        return text.toString();
    }

    /** Above this many cells the line-by-line comparison is skipped: the middle is shown as removed and added. */
    private static final long MAX_CELLS = 1_000_000;

    /** The lines only in the old file ({@code - }) and only in the new one ({@code + }), in order. */
    List<String> changedLines() {
        String[] a = before.isEmpty() ? new String[0] : before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int prefix = 0;
        while (prefix < a.length && prefix < b.length && a[prefix].equals(b[prefix])) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.length - prefix && suffix < b.length - prefix
                && a[a.length - 1 - suffix].equals(b[b.length - 1 - suffix])) {
            suffix++;
        }
        String[] oldMiddle = java.util.Arrays.copyOfRange(a, prefix, a.length - suffix);
        String[] newMiddle = java.util.Arrays.copyOfRange(b, prefix, b.length - suffix);
        List<String> out = (long) oldMiddle.length * newMiddle.length > MAX_CELLS
                ? wholesale(oldMiddle, newMiddle) : common(oldMiddle, newMiddle);
        return out.stream().filter(line -> !line.equals("+ ") && !line.equals("- ")).toList();
    }

    private static List<String> wholesale(String[] a, String[] b) {
        List<String> out = new ArrayList<>();
        for (String line : a) {
            out.add("- " + line);
        }
        for (String line : b) {
            out.add("+ " + line);
        }
        return out;
    }

    /** A longest-common-subsequence comparison: small files only (see {@link #MAX_CELLS}). */
    private static List<String> common(String[] a, String[] b) {
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                i++;
                j++;
            } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
                out.add("- " + a[i++]);
            } else {
                out.add("+ " + b[j++]);
            }
        }
        return out;
    }
}
