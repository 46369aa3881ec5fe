package org.safegate.inspect.normal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tokenises text the way the normalisers compare it: upper case, accents folded to ASCII letters,
 * apostrophes dropped (O'Brien and OBrien are the same), dotted initials joined (N.W. is NW),
 * other punctuation a separator. A hyphen or
 * slash between digits stays (house numbers 123-45, 12 1/2); between letters when asked (Smith-Jones).
 * A {@code #} is a token of its own (a unit designator).
 */
public final class Text {
    // compiled once: a pattern compiled per name with an accent was a visible cost at a million records
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Text() {
    }

    static List<String> tokens(String raw, boolean keepLetterHyphens) {
        String joined = joined(raw, keepLetterHyphens);
        List<String> tokens = new ArrayList<>(8);
        int start = 0;
        for (int i = 0; i <= joined.length(); i++) {
            if (i == joined.length() || joined.charAt(i) == ' ') {
                if (i > start) {
                    tokens.add(joined.substring(start, i));
                }
                start = i + 1;
            }
        }
        return tokens;
    }

    /** Upper case, single spaces, punctuation gone: the form reasons and officials are compared in. */
    public static String words(String raw) {
        return joined(raw, false);
    }

    /**
     * The tokens joined by single spaces, built in one buffer (tokens never hold a space). Text that
     * is already in that form, as most normalised values are, is returned as it is.
     */
    static String joined(String raw, boolean keepLetterHyphens) {
        String text = fold(raw);
        if (isPlainWords(text)) {
            return text;
        }
        int length = text.length();
        StringBuilder out = new StringBuilder(length);
        boolean inToken = false;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (isAlphanumeric(c)) {
                if (!inToken && out.length() > 0) {
                    out.append(' ');
                }
                inToken = true;
                out.append(c);
            } else if (c == '\'' || c == '\u2019' || c == '`' || c == '.' && joinsInitials(text, i)) {
                continue;
            } else if ((c == '-' || c == '/') && inToken && i + 1 < length
                    && joins(out.charAt(out.length() - 1), text.charAt(i + 1), c, keepLetterHyphens)) {
                out.append(c);
            } else {
                inToken = false;
                if (c == '#') {
                    out.append(out.length() > 0 ? " #" : "#");
                }
            }
        }
        return out.toString();
    }

    /** True for ASCII upper-case letters and digits in words separated by single spaces. */
    private static boolean isPlainWords(String text) {
        int length = text.length();
        if (length > 0 && (text.charAt(0) == ' ' || text.charAt(length - 1) == ' ')) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || isDigit(c) || c == ' ' && text.charAt(i - 1) != ' ';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Upper case with accents removed (É to E, ß to SS); ASCII text takes the fast path. */
    public static String fold(String raw) {
        boolean ascii = true;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= LatinFold.LIMIT) {
                return foldGeneral(raw);
            }
            ascii &= c < 0x80;
        }
        return ascii ? raw.toUpperCase(Locale.ROOT) : LatinFold.fold(raw);
    }

    /** {@link #fold} for any text; the reference for {@link LatinFold}. */
    static String foldGeneral(String raw) {
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
            String next = MARKS.matcher(Normalizer.normalize(current, Normalizer.Form.NFKD)).replaceAll("")
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

    public static boolean isDigit(char c) {
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
