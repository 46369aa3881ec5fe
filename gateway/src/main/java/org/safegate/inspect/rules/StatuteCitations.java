package org.safegate.inspect.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.safegate.inspect.normal.Text;

/**
 * Compares statutory citations regardless of how they are written: {@code 26 U.S.C. § 6103(i)(2)},
 * {@code 26 USC 6103(I)(2)} and {@code IRC 6103(i)(2)} are one citation, {@code 26USC6103(I)(2)}.
 * A citation of a subdivision ({@code 6103(i)(2)(A)}) falls under an allowed citation of its parent.
 */
final class StatuteCitations {
    private static final int CACHE_LIMIT = 256;

    private final List<String> allowed;
    // a file cites a few authorities over and over; bounded, so memory stays independent of the file
    private final Map<String, List<String>> refusedByCell = new HashMap<>();

    StatuteCitations(List<String> allowedCitations) {
        List<String> keys = new ArrayList<>();
        for (String citation : allowedCitations) {
            String key = key(citation);
            if (!key.isEmpty()) {
                keys.add(key);
            }
        }
        this.allowed = List.copyOf(keys);
    }

    /** The citations in a cell that are not allowed; a cell may cite several, separated by ; or ,. */
    List<String> notAllowed(String cell) {
        List<String> known = refusedByCell.get(cell);
        if (known != null) {
            return known;
        }
        List<String> refused = new ArrayList<>(1);
        int start = 0;
        for (int i = 0; i <= cell.length(); i++) {
            if (i == cell.length() || cell.charAt(i) == ';' || cell.charAt(i) == ',') {
                String citation = cell.substring(start, i);
                if (!citation.isBlank() && !isAllowed(key(citation))) {
                    refused.add(citation.strip());
                }
                start = i + 1;
            }
        }
        if (refusedByCell.size() == CACHE_LIMIT) {
            refusedByCell.clear();
        }
        List<String> result = List.copyOf(refused);
        refusedByCell.put(cell, result);
        return result;
    }

    private boolean isAllowed(String key) {
        for (String permitted : allowed) {
            if (key.equals(permitted) || key.startsWith(permitted) && key.charAt(permitted.length()) == '(') {
                return true;
            }
        }
        return false;
    }

    static String key(String citation) {
        String folded = Text.fold(citation);
        StringBuilder key = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c >= 'A' && c <= 'Z' || Text.isDigit(c) || c == '(' || c == ')') {
                key.append(c);
            }
        }
        String compact = key.toString().replace("SECTION", "").replace("SEC", "")
                .replace("INTERNALREVENUECODE", "26USC");
        if (compact.startsWith("IRC")) {
            compact = "26USC" + compact.substring(3);
        }
        return compact;
    }
}
