package org.safegate.inspect.normal;

/**
 * Brings a person's name to one form: upper case, accents folded, apostrophes dropped
 * ({@code O'Brien} is {@code OBRIEN}), hyphens between letters kept ({@code SMITH-JONES}), other
 * punctuation and runs of spaces a single space. Idempotent. Word order is kept: {@code DOE, JOHN}
 * and {@code JOHN DOE} stay different, because guessing which part is the family name would make
 * two people the same.
 */
public final class NameNormalizer {
    public String name(String raw) {
        return Text.joined(raw, true);
    }
}
