package org.safegate.transfer;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps the gateway's own places out of what another agency reads: every absolute path (Unix or
 * Windows), {@code file:} and {@code vault:} reference in a sentence is replaced by
 * {@value #PLACEHOLDER}. A sentence may quote an exception's message (reading a key, a file in the
 * data folder), so this is applied to every receipt's reasons, whatever rule wrote them.
 */
final class SharedText {
    static final String PLACEHOLDER = "[local path]";

    /** Up to a blank, a quote, a bracket or a separator that ends a path in a sentence. */
    private static final String REST = "[^\\s'\"`,;()\\[\\]{}<>]";
    private static final Pattern LOCAL = Pattern.compile(
            // not after a word, a dot, a colon or a slash: "1/2" and "and/or" are not paths, nor URLs
            "(?<![\\w.:/\\\\-])/" + REST + "+"
            + "|(?<!\\w)[A-Za-z]:\\\\" + REST + "*"
            + "|(?<!\\w)(?:vault|file):" + REST + "+");

    private SharedText() {
    }

    static String scrub(String sentence) {
        return LOCAL.matcher(sentence).replaceAll(PLACEHOLDER);
    }

    static List<Receipt.Reason> scrub(List<Receipt.Reason> reasons) {
        return reasons.stream().map(r -> new Receipt.Reason(r.code(), scrub(r.message()))).toList();
    }
}
