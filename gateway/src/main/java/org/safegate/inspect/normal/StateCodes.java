package org.safegate.inspect.normal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * USPS state codes: the 50 states, DC, the inhabited territories (PR, GU, VI, AS, MP) and the
 * military "states" (AA, AE, AP). Full names, as requesters sometimes write them, map to the code.
 */
final class StateCodes {
    private static final String[][] STATES = {
        {"AL", "ALABAMA"}, {"AK", "ALASKA"}, {"AZ", "ARIZONA"}, {"AR", "ARKANSAS"}, {"CA", "CALIFORNIA"},
        {"CO", "COLORADO"}, {"CT", "CONNECTICUT"}, {"DE", "DELAWARE"}, {"FL", "FLORIDA"}, {"GA", "GEORGIA"},
        {"HI", "HAWAII"}, {"ID", "IDAHO"}, {"IL", "ILLINOIS"}, {"IN", "INDIANA"}, {"IA", "IOWA"},
        {"KS", "KANSAS"}, {"KY", "KENTUCKY"}, {"LA", "LOUISIANA"}, {"ME", "MAINE"}, {"MD", "MARYLAND"},
        {"MA", "MASSACHUSETTS"}, {"MI", "MICHIGAN"}, {"MN", "MINNESOTA"}, {"MS", "MISSISSIPPI"},
        {"MO", "MISSOURI"}, {"MT", "MONTANA"}, {"NE", "NEBRASKA"}, {"NV", "NEVADA"}, {"NH", "NEW HAMPSHIRE"},
        {"NJ", "NEW JERSEY"}, {"NM", "NEW MEXICO"}, {"NY", "NEW YORK"}, {"NC", "NORTH CAROLINA"},
        {"ND", "NORTH DAKOTA"}, {"OH", "OHIO"}, {"OK", "OKLAHOMA"}, {"OR", "OREGON"}, {"PA", "PENNSYLVANIA"},
        {"RI", "RHODE ISLAND"}, {"SC", "SOUTH CAROLINA"}, {"SD", "SOUTH DAKOTA"}, {"TN", "TENNESSEE"},
        {"TX", "TEXAS"}, {"UT", "UTAH"}, {"VT", "VERMONT"}, {"VA", "VIRGINIA"}, {"WA", "WASHINGTON"},
        {"WV", "WEST VIRGINIA"}, {"WI", "WISCONSIN"}, {"WY", "WYOMING"},
        {"DC", "DISTRICT OF COLUMBIA"}, {"PR", "PUERTO RICO"}, {"GU", "GUAM"}, {"VI", "VIRGIN ISLANDS"},
        {"AS", "AMERICAN SAMOA"}, {"MP", "NORTHERN MARIANA ISLANDS"},
        {"AA", "ARMED FORCES AMERICAS"}, {"AE", "ARMED FORCES EUROPE"}, {"AP", "ARMED FORCES PACIFIC"},
    };

    private final Set<String> codes;
    private final Map<String, String> byName = new HashMap<>();

    StateCodes() {
        Map<String, String> names = new HashMap<>();
        for (String[] state : STATES) {
            names.put(state[0], state[1]);
            byName.put(state[1], state[0]);
        }
        byName.put("US VIRGIN ISLANDS", "VI");
        byName.put("WASHINGTON DC", "DC");
        codes = Set.copyOf(names.keySet());
    }

    boolean isValid(String code) {
        return codes.contains(code);
    }

    /** The code for a full name, or the input when it is not a known name. */
    String codeFor(String normalised) {
        return byName.getOrDefault(normalised, normalised);
    }
}
