package org.safegate.policy.load;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong (or worth a warning) in a policy set, located precisely enough that an
 * administrator can go straight to it.
 *
 * @param file  the policy file, relative to the policy folder where possible
 * @param line  1-based line, or 0 when the problem concerns the whole file
 * @param field the dotted path of the field ({@code endpoints.inbox.port}), or empty
 * @param code  a stable code for the kind of problem
 */
public record PolicyProblem(Path file, int line, String field, ProblemCode code, String message) {

    public PolicyProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line: field: message [CODE]}, the form printed by {@code policy check}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (!field.isEmpty()) {
            text.append(field).append(": ");
        }
        return text.append(message).append(" [").append(code).append(']').toString();
    }
}
