package org.safegate.policy.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects the errors and warnings found while loading one policy set. */
final class Problems {
    private final List<PolicyProblem> errors = new ArrayList<>();
    private final List<PolicyProblem> warnings = new ArrayList<>();

    void error(Path file, int line, String field, ProblemCode code, String message) {
        errors.add(new PolicyProblem(file, line, field, code, message));
    }

    void warning(Path file, int line, String field, ProblemCode code, String message) {
        warnings.add(new PolicyProblem(file, line, field, code, message));
    }

    List<PolicyProblem> errors() {
        return List.copyOf(errors);
    }

    List<PolicyProblem> warnings() {
        return List.copyOf(warnings);
    }

    int errorCount() {
        return errors.size();
    }
}
