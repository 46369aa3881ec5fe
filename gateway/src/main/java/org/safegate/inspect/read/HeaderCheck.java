package org.safegate.inspect.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * Checks a CSV header row and says precisely what is wrong: no header at all, the wrong delimiter,
 * a duplicate or a missing column. Names are compared trimmed and case-insensitively.
 */
final class HeaderCheck {
    private static final char[] WRONG_DELIMITERS = {';', '\t', '|'};
    private static final String[] DELIMITER_NAMES = {"semicolons", "tabs", "vertical bars"};

    private HeaderCheck() {
    }

    static Columns check(String source, long line, List<String> header, List<String> required) {
        List<String> names = new ArrayList<>(header.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                // an unnamed extra column (often a trailing comma) is kept under a name no contract uses
                name = "_" + (i + 1);
            }
            Integer earlier = seen.putIfAbsent(name, i);
            if (earlier != null) {
                throw error(source, line, "column " + (i + 1) + ": duplicate header '" + name
                        + "' (also column " + (earlier + 1) + ")");
            }
            names.add(name);
        }
        List<String> missing = new ArrayList<>();
        for (String column : required) {
            if (!seen.containsKey(column)) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            String delimiter = wrongDelimiter(header);
            if (delimiter != null) {
                throw error(source, line, "wrong delimiter: the header is separated by " + delimiter
                        + "; request files are comma-separated (RFC 4180)");
            }
            if (missing.size() == required.size()) {
                throw error(source, line, "no header: the first line does not name the columns; expected "
                        + String.join(",", required));
            }
            throw error(source, line, "missing required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing));
        }
        return Columns.of(names);
    }

    private static String wrongDelimiter(List<String> header) {
        for (int d = 0; d < WRONG_DELIMITERS.length; d++) {
            for (String cell : header) {
                if (cell.indexOf(WRONG_DELIMITERS[d]) >= 0) {
                    return DELIMITER_NAMES[d];
                }
            }
        }
        return null;
    }

    private static SafegateException error(String source, long line, String message) {
        return new SafegateException(ErrorCode.RECORD_FILE_INVALID, source + " line " + line + ", " + message);
    }
}
