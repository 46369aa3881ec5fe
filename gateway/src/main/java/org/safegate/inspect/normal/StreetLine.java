package org.safegate.inspect.normal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The street line, in USPS order: house number, pre-directional, street name, suffix,
 * post-directional, then unit designator and number. Abbreviations apply only in their place
 * (so {@code 12 NORTH ST} keeps its name NORTH and {@code 40 PINE ST} keeps PINE), which also keeps
 * the result stable when normalised again. PO box spellings become {@code PO BOX}.
 */
final class StreetLine {
    private static final Set<String> BOX_ROUTES = Set.of("RR", "HC", "PSC", "CMR", "UNIT");

    private final UspsAbbreviations usps;

    StreetLine(UspsAbbreviations usps) {
        this.usps = usps;
    }

    String normalise(List<String> tokens) {
        List<String> box = poBox(tokens);
        if (box != null) {
            return String.join(" ", box);
        }
        int start = !tokens.isEmpty() && startsWithDigit(tokens.get(0)) ? 1 : 0;
        int unit = unitIndex(tokens, start);
        List<String> out = new ArrayList<>(tokens.size());
        out.addAll(tokens.subList(0, start));
        out.addAll(streetName(tokens.subList(start, unit)));
        if (unit < tokens.size()) {
            out.add(usps.unit(tokens.get(unit)));
            for (String rest : tokens.subList(unit + 1, tokens.size())) {
                if (!rest.equals("#")) {
                    out.add(rest);
                }
            }
        }
        return String.join(" ", out);
    }

    boolean isDeliverable(List<String> tokens) {
        if (tokens.size() >= 2 && startsWithDigit(tokens.get(0)) && !tokens.get(1).isEmpty()
                && usps.unit(tokens.get(1)) == null) {
            return true;
        }
        if (tokens.size() >= 3 && tokens.get(0).equals("PO") && tokens.get(1).equals("BOX")) {
            return startsWithDigit(tokens.get(2));
        }
        return tokens.size() >= 4 && BOX_ROUTES.contains(tokens.get(0)) && startsWithDigit(tokens.get(1))
                && tokens.get(2).equals("BOX") && startsWithDigit(tokens.get(3));
    }

    /** PO BOX and what follows, for the spellings P O BOX, PO BOX, POBOX, POB, P O B, POST OFFICE BOX. */
    private static List<String> poBox(List<String> tokens) {
        int size = tokens.size();
        String first = size > 0 ? tokens.get(0) : "";
        int skip;
        if (first.equals("POB") || first.equals("POBOX")) {
            skip = 1;
        } else if (size >= 2 && first.equals("PO") && tokens.get(1).equals("BOX")) {
            skip = 2;
        } else if (size >= 3 && first.equals("P") && tokens.get(1).equals("O")
                && (tokens.get(2).equals("BOX") || tokens.get(2).equals("B"))) {
            skip = 3;
        } else if (size >= 3 && first.equals("POST") && tokens.get(1).equals("OFFICE") && tokens.get(2).equals("BOX")) {
            skip = 3;
        } else {
            return null;
        }
        List<String> out = new ArrayList<>(List.of("PO", "BOX"));
        for (String rest : tokens.subList(skip, size)) {
            if (!rest.equals("#")) {
                out.add(rest);
            }
        }
        return out;
    }

    /** The first unit designator after the street name (at least one name token), or the size. */
    private int unitIndex(List<String> tokens, int start) {
        for (int i = start + 1; i < tokens.size(); i++) {
            if (usps.unit(tokens.get(i)) != null) {
                return i;
            }
        }
        return tokens.size();
    }

    private List<String> streetName(List<String> name) {
        List<String> out = new ArrayList<>(name);
        int last = out.size() - 1;
        if (last >= 1 && usps.directional(out.get(last)) != null && out.size() > 2) {
            out.set(last, usps.directional(out.get(last)));
            last--;
        }
        if (last >= 1 && usps.suffix(out.get(last)) != null) {
            out.set(last, usps.suffix(out.get(last)));
            // a directional is a prefix only when a name stands between it and the suffix
            if (last >= 2 && usps.directional(out.get(0)) != null) {
                out.set(0, usps.directional(out.get(0)));
            }
        } else if (last >= 1 && usps.directional(out.get(0)) != null) {
            out.set(0, usps.directional(out.get(0)));
        }
        return out;
    }

    private static boolean startsWithDigit(String token) {
        return !token.isEmpty() && Text.isDigit(token.charAt(0));
    }
}
