package org.safegate.policy.load;

import java.util.List;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.policy.model.PolicySet;

/**
 * What loading a policy folder produced: a valid policy set, or every error found. Warnings
 * (a certificate file not there yet, a person holding roles that should be separate) never stop
 * a set from loading.
 */
public record PolicyLoadResult(Optional<PolicySet> policySet, List<PolicyProblem> errors,
                               List<PolicyProblem> warnings) {

    public PolicyLoadResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        if (policySet.isPresent() != errors.isEmpty()) {
            throw new IllegalArgumentException("a policy set is present exactly when there are no errors");
        }
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** The valid policy set; throws, listing every error, when the set is invalid. */
    public PolicySet require() {
        return policySet.orElseThrow(() -> new SafegateException(ErrorCode.POLICY_INVALID,
                "the policy set has " + errors.size() + " error(s):\n  "
                        + String.join("\n  ", errors.stream().map(PolicyProblem::toString).toList())));
    }
}
