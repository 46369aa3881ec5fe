package org.safegate.inspect.rules;

import org.safegate.inspect.normal.AddressNormalizer;
import org.safegate.inspect.normal.NameNormalizer;

/**
 * Normalises every contract field of a request record: name and address as the normalisers do,
 * periods compacted, the other fields trimmed with runs of white space made single.
 */
public final class RequestNormalizer {
    private final AddressNormalizer address = new AddressNormalizer();
    private final NameNormalizer names = new NameNormalizer();

    public RequestRecord normalise(RequestRecord r) {
        return new RequestRecord(r.line(), r.requestId().strip(), names.name(r.name()), address.street(r.street()),
                address.city(r.city()), address.state(r.state()), address.zip(r.zip()),
                TaxPeriods.normalise(r.taxablePeriods()), singleSpaced(r.statute()), singleSpaced(r.reason()),
                singleSpaced(r.requestingOfficial()));
    }

    public AddressNormalizer address() {
        return address;
    }

    static String singleSpaced(String text) {
        String stripped = text.strip();
        if (isSingleSpaced(stripped)) {
            return stripped;
        }
        StringBuilder out = new StringBuilder(stripped.length());
        boolean space = false;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!space) {
                    out.append(' ');
                }
                space = true;
            } else {
                out.append(c);
                space = false;
            }
        }
        return out.toString();
    }

    private static boolean isSingleSpaced(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) && (c != ' ' || Character.isWhitespace(text.charAt(i - 1)))) {
                return false;
            }
        }
        return true;
    }
}
