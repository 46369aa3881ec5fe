package org.safegate.inspect;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tokenises text the way the normalisers compare it: upper case, accents folded to ASCII letters,
 * apostrophes dropped (O'Brien and OBrien are the same), dotted initials joined (N.W. is NW),
 * other punctuation a separator. A hyphen or
 * slash between digits stays (house numbers 123-45, 12 1/2); between letters when asked (Smith-Jones).
 * A {@code #} is a token of its own (a unit designator).
 */
final class Text {
    private Text() {
    }

    static List<String> tokens(String raw, boolean keepLetterHyphens) {
        String text = fold(raw);
        List<String> tokens = new ArrayList<>(8);
        StringBuilder token = new StringBuilder();
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (isAlphanumeric(c)) {
                token.append(c);
            } else if (c == '\'' || c == '\u2019' || c == '`' || c == '.' && joinsInitials(text, i)) {
                continue;
            } else if ((c == '-' || c == '/') && token.length() > 0 && i + 1 < length
                    && joins(token.charAt(token.length() - 1), text.charAt(i + 1), c, keepLetterHyphens)) {
                token.append(c);
            } else {
                flush(token, tokens);
                if (c == '#') {
                    tokens.add("#");
                }
            }
        }
        flush(token, tokens);
        return tokens;
    }

    /** Upper case, single spaces, punctuation gone: the form reasons and officials are compared in. */
    static String words(String raw) {
        return String.join(" ", tokens(raw, false));
    }

    /** Upper case with accents removed (É to E, ß to SS); ASCII text takes the fast path. */
    static String fold(String raw) {
        String upper = raw.toUpperCase(Locale.ROOT);
        for (int i = 0; i < upper.length(); i++) {
            if (upper.charAt(i) > 127) {
                return foldUnicode(upper);
            }
        }
        return upper;
    }

    // Decomposing can reveal lower-case letters (ª is a) and upper-casing can reveal marks (ǰ),
    // so repeat until nothing changes; a few rounds reach that for any real text.
    private static String foldUnicode(String text) {
        String current = text;
        for (int round = 0; round < 4; round++) {
            String next = Normalizer.normalize(current, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                    .toUpperCase(Locale.ROOT);
            if (next.equals(current)) {
                break;
            }
            current = next;
        }
        return current;
    }

    /** A dot between single letters joins them: N.W. is NW, N.Y. is NY, P.O. is PO. */
    private static boolean joinsInitials(String text, int dot) {
        return dot >= 1 && dot + 1 < text.length() && isLetter(text.charAt(dot - 1)) && isLetter(text.charAt(dot + 1))
                && (dot < 2 || !isAlphanumeric(text.charAt(dot - 2)))
                && (dot + 2 >= text.length() || !isAlphanumeric(text.charAt(dot + 2)));
    }

    private static boolean joins(char before, char after, char joiner, boolean keepLetterHyphens) {
        boolean digits = isDigit(before) && isDigit(after);
        boolean letters = joiner == '-' && keepLetterHyphens && isLetter(before) && isLetter(after);
        return digits || letters;
    }

    private static void flush(StringBuilder token, List<String> tokens) {
        if (token.length() > 0) {
            tokens.add(token.toString());
            token.setLength(0);
        }
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c > 127 && Character.isLetter(c));
    }

    // letters of other scripts that do not fold to ASCII are kept, not dropped
    private static boolean isAlphanumeric(char c) {
        return isDigit(c) || isLetter(c);
    }
}
