package org.safegate.cli;

import org.safegate.policy.UpcomingWindow;
import picocli.CommandLine;

/** Parses {@code --within}: {@code Nd} days or an ISO-8601 period such as {@code P60D}, at least a day ahead. */
final class WithinConverter implements CommandLine.ITypeConverter<UpcomingWindow> {

    @Override
    public UpcomingWindow convert(String value) {
        try {
            return UpcomingWindow.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
