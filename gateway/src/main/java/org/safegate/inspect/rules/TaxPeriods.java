package org.safegate.inspect.rules;

import java.util.ArrayList;
import java.util.List;
import org.safegate.inspect.normal.Text;

/**
 * Taxable periods as requesters write them: one year ({@code 2021}), a list ({@code 2021;2022} or
 * {@code 2021, 2022}) or a range ({@code 2019-2021}). Normal form: items joined by {@code ;}, no spaces.
 */
final class TaxPeriods {
    private TaxPeriods() {
    }

    static String normalise(String raw) {
        if (isCompact(raw)) {
            return raw;
        }
        StringBuilder compact = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!Character.isWhitespace(c)) {
                compact.append(c == ',' ? ';' : c);
            }
        }
        return compact.toString();
    }

    private static boolean isCompact(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ',' || Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The problem with normalised periods, or null when every year is real: from
     * {@code earliest} to {@code latest} inclusive, with ranges in order.
     */
    static String problem(String normalised, int earliest, int latest) {
        List<String> items = split(normalised);
        if (items.isEmpty()) {
            return "taxable_periods '" + normalised + "' names no year";
        }
        for (String item : items) {
            int dash = item.indexOf('-');
            int from = year(dash < 0 ? item : item.substring(0, dash));
            int to = dash < 0 ? from : year(item.substring(dash + 1));
            if (from < 0 || to < 0) {
                return "taxable period '" + item + "' is not a year (YYYY) or a range of years (YYYY-YYYY)";
            }
            if (to < from) {
                return "taxable period range '" + item + "' ends before it starts";
            }
            if (to > latest) {
                return "taxable period '" + item + "' is in the future (latest tax year " + latest + ")";
            }
            if (from < earliest) {
                return "taxable period '" + item + "' is before " + earliest + ", older than records are kept";
            }
        }
        return null;
    }

    private static List<String> split(String normalised) {
        List<String> items = new ArrayList<>(2);
        int start = 0;
        for (int i = 0; i <= normalised.length(); i++) {
            if (i == normalised.length() || normalised.charAt(i) == ';') {
                if (i > start) {
                    items.add(normalised.substring(start, i));
                }
                start = i + 1;
            }
        }
        return items;
    }

    private static int year(String text) {
        if (text.length() != 4) {
            return -1;
        }
        for (int i = 0; i < 4; i++) {
            if (!Text.isDigit(text.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(text);
    }
}
