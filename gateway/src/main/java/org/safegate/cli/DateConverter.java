package org.safegate.cli;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import picocli.CommandLine;

/** Parses a calendar date written YYYY-MM-DD, refusing impossible dates such as 2025-02-30. */
final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value, FORMAT);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a date: write YYYY-MM-DD");
        }
    }
}
