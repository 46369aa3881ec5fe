package org.safegate.transfer;

import java.util.List;
import java.util.Optional;
import org.safegate.policy.model.Agreement;

/**
 * Which data category a file carries. Its sender states one in the file name, as a part
 * {@code category=<category>} between dots ({@code addresses.category=last-known-address.csv});
 * a name without one carries whatever the agreement covers. A stated category is decided as
 * stated, so one the agreement does not cover is denied ({@code CATEGORY_NOT_COVERED}), never
 * recorded as another.
 */
final class FileCategory {
    static final String MARK = "category=";

    private FileCategory() {
    }

    /** The category the name states, if it states one. */
    static Optional<String> stated(String name) {
        List<String> stated = statements(name);
        return stated.isEmpty() ? Optional.empty() : Optional.of(stated.get(0));
    }

    /** Why the name cannot be read for its category (it states more than one), or empty. */
    static Optional<String> problem(String name) {
        return statements(name).size() > 1
                ? Optional.of("the name states more than one category ('" + MARK + "' appears twice)")
                : Optional.empty();
    }

    /** The categories a decision must cover: the stated one, or every category of the agreement. */
    static List<String> decided(Agreement agreement, String name) {
        return stated(name).map(List::of).orElse(agreement.categories());
    }

    /**
     * The category the audit log records: the stated one, else the agreement's only one, else all
     * of the agreement's, in its order, joined by commas ({@code return-information,last-known-address}).
     */
    static String recorded(Agreement agreement, String name) {
        return String.join(",", decided(agreement, name));
    }

    private static List<String> statements(String name) {
        return java.util.Arrays.stream(name.split("\\.", -1)).filter(part -> part.startsWith(MARK))
                .map(part -> part.substring(MARK.length())).toList();
    }
}
