package org.safegate.policy;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far ahead to look for upcoming changes: {@code Nd} (days) or an ISO-8601 period such as
 * {@code P60D} or {@code P2M}. The same syntax for {@code policy check --within} and the API's
 * {@code ?within=}, so the two read a value alike.
 */
public record UpcomingWindow(Period period) {
    private static final Pattern DAYS = Pattern.compile("([-+]?\\d{1,5})d");

    public UpcomingWindow {
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the period must be at least one day");
        }
    }

    public static UpcomingWindow ofDays(int days) {
        return new UpcomingWindow(Period.ofDays(days));
    }

    /**
     * Reads {@code 60d} or {@code P60D}; anything else, or a period that is not at least a day
     * ahead, is refused with a message that says what to write.
     */
    public static UpcomingWindow parse(String text) {
        String value = text == null ? "" : text.strip();
        Matcher days = DAYS.matcher(value.toLowerCase(Locale.ROOT));
        Period period;
        if (days.matches()) {
            period = Period.ofDays(Integer.parseInt(days.group(1)));
        } else if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                period = Period.parse(value);
            } catch (DateTimeParseException e) {
                throw refused(value);
            }
        } else {
            throw refused(value);
        }
        if (period.isNegative() || period.isZero() || period.getDays() < 0 || period.getMonths() < 0
                || period.getYears() < 0) {
            throw new IllegalArgumentException("'" + value + "' is not a period ahead: write a positive number of"
                    + " days such as 60d or P60D");
        }
        return new UpcomingWindow(period);
    }

    /** The last day inside the window that starts after {@code from}. */
    public LocalDate until(LocalDate from) {
        return from.plus(period);
    }

    /** Whether {@code day} falls after {@code from} and no later than {@link #until}. */
    public boolean contains(LocalDate from, LocalDate day) {
        return day.isAfter(from) && !day.isAfter(until(from));
    }

    private static IllegalArgumentException refused(String value) {
        return new IllegalArgumentException("'" + value + "' is not a period: write a number of days such as 60d,"
                + " or an ISO-8601 period such as P60D");
    }

    @Override
    public String toString() {
        return period.toString();
    }
}
