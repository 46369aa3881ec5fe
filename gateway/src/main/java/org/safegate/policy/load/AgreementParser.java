package org.safegate.policy.load;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.safegate.policy.model.Agreement;

/** Reads {@code agreements/<id>.yaml}. */
final class AgreementParser {
    /** The record-level request checks the gateway knows how to apply. */
    static final Set<String> REQUEST_RULES = Set.of("irc-6103-i-2");
    /**
     * Outbox folders that are not agreements: {@code recalls/} holds certificates of disposal. An
     * agreement of that name (in any case: some file systems ignore it) would share its folder.
     */
    static final String RESERVED_ID = "recalls";

    Optional<Agreement> parse(MappingReader in, Problems problems) {
        int before = problems.errorCount();
        String id = in.string("id");
        String provider = in.string("provider");
        String recipient = in.string("recipient");
        String authority = in.string("authority");
        String purpose = in.string("purpose");
        List<String> categories = in.stringList("categories", true);
        LocalDate effective = in.date("effective");
        Optional<LocalDate> expires = in.optionalDate("expires");
        List<String> redisclosure = in.stringList("redisclosure", false);
        Optional<String> requestRules = in.optionalString("request-rules");
        Optional<List<String>> requestStatutes = in.has("request-statutes")
                ? Optional.of(in.stringList("request-statutes", false)) : Optional.empty();
        in.rejectUnknownKeys();

        if (id != null && id.equalsIgnoreCase(RESERVED_ID)) {
            in.problem(in.lineOf("id"), "id", ProblemCode.INVALID_VALUE, "'" + id + "' is reserved: <outbox>/"
                    + RESERVED_ID + "/ holds certificates of disposal; choose another agreement id");
        }
        if (effective != null && expires.isPresent() && !expires.get().isAfter(effective)) {
            in.problem(in.lineOf("expires"), "expires", ProblemCode.DATE_ORDER,
                    expires.get() + " is not after effective " + effective);
        }
        if (requestRules.isPresent() && !REQUEST_RULES.contains(requestRules.get())) {
            in.problem(in.lineOf("request-rules"), "request-rules", ProblemCode.INVALID_VALUE,
                    "'" + requestRules.get() + "' is not a known rule set; known: " + REQUEST_RULES);
        }
        requestStatutes.ifPresent(statutes -> checkStatutes(in, statutes, requestRules.isPresent()));
        if (problems.errorCount() > before || categories.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Agreement(id, provider, recipient, authority, purpose, categories, effective,
                expires, redisclosure, requestRules, in.source(), requestStatutes));
    }

    /**
     * Each entry is one citation with a section number (a list of several in one entry, or words
     * without a number, would never match a request's citation), and only an agreement that takes
     * request files has any.
     */
    private static void checkStatutes(MappingReader in, List<String> statutes, boolean requestRules) {
        int line = in.lineOf("request-statutes");
        if (!requestRules) {
            in.problem(line, "request-statutes", ProblemCode.INVALID_VALUE,
                    "only an agreement with request-rules takes requests; add request-rules or remove this");
        }
        for (String statute : statutes) {
            if (statute.isBlank() || statute.contains(";") || statute.contains(",")
                    || statute.chars().noneMatch(Character::isDigit)) {
                in.problem(line, "request-statutes", ProblemCode.INVALID_VALUE, "'" + statute
                        + "' is not one statute citation (one per entry, with its section, e.g. '8 U.S.C. 1253(a)(1)')");
            }
        }
    }
}
