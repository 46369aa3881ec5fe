package org.safegate.inspect.normal;

import java.util.List;

/**
 * Brings the parts of a US address to one form, so that slight variations in how a requester wrote
 * them do not count as differences: upper case, single spaces, no punctuation, USPS Publication 28
 * abbreviations for street suffixes, directionals and unit designators, one form for PO boxes
 * ({@code PO BOX 12}), state names as codes, ZIP+4 as {@code 12345-6789}. Every method is idempotent:
 * normalising a normalised value changes nothing. Values that cannot be understood are kept (upper
 * cased) so that the checks can say what is wrong with them.
 */
public final class AddressNormalizer {
    private final StreetLine streets = new StreetLine(new UspsAbbreviations());
    private final StateCodes states = new StateCodes();

    public String street(String raw) {
        return streets.normalise(Text.tokens(raw, false));
    }

    public String city(String raw) {
        return Text.words(raw);
    }

    public String state(String raw) {
        String words = Text.words(raw);
        // N.Y. and D.C. are codes written with dots: single letters, which words() spaces apart
        return isInitials(words) ? words.replace(" ", "") : states.codeFor(words);
    }

    /**
     * True for two or more one-character words: {@code N Y}. A {@code #} is never an initial: it
     * is always a word of its own, so joining it ({@code # 0 A} to {@code #0A}) would not survive
     * normalising again.
     */
    private static boolean isInitials(String words) {
        int length = words.length();
        if (length < 3 || length % 2 == 0) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = words.charAt(i);
            boolean ok = i % 2 == 1 ? c == ' ' : c != ' ' && c != '#';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** {@code 12345}, {@code 12345-6789}, or the trimmed upper-cased input when it is neither. */
    public String zip(String raw) {
        String trimmed = raw.strip();
        if (isValidZip(trimmed)) {
            return trimmed; // already 12345 or 12345-6789, as nearly every request writes it
        }
        StringBuilder digits = new StringBuilder(9);
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Text.isDigit(c)) {
                digits.append(c);
            } else if (!(c == '-' || c == ' ') || digits.length() != 5) {
                return Text.fold(trimmed);
            }
        }
        if (digits.length() == 5) {
            return trimmed.length() == 5 ? trimmed : Text.fold(trimmed);
        }
        if (digits.length() == 9) {
            return digits.substring(0, 5) + "-" + digits.substring(5);
        }
        return Text.fold(trimmed);
    }

    /** True for a US state, DC, territory or military code (after {@link #state}). */
    public boolean isValidState(String normalisedState) {
        return states.isValid(normalisedState);
    }

    /** True for {@code 12345} or {@code 12345-6789} (after {@link #zip}). */
    public static boolean isValidZip(String normalisedZip) {
        int length = normalisedZip.length();
        if (length != 5 && length != 10) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = normalisedZip.charAt(i);
            boolean ok = i == 5 ? c == '-' : Text.isDigit(c);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when a normalised street line can be delivered to: a house number followed by a street
     * name, a PO box with its number, or a rural route, highway contract or military box.
     */
    public boolean isDeliverable(String normalisedStreet) {
        return streets.isDeliverable(List.of(normalisedStreet.split(" ")));
    }
}
