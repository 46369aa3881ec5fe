package org.safegate.inspect.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.safegate.inspect.normal.AddressNormalizer;

/**
 * The checks one record must pass on its own (26 U.S.C. 6103(i)(2)(B) and a deliverable address).
 * The two checks that need the whole file, duplicate ids and boilerplate reasons, are decided by the
 * inspector and passed in. Every failed rule is reported, not just the first.
 */
public final class RequestRules {
    private final AddressNormalizer address;
    private final StatuteCitations statutes;
    private final int earliestYear;
    private final int latestYear;

    /**
     * Rules for the records of one file. Plain values, not the inspector's context and settings, so
     * that the rules do not depend on the inspector that applies them.
     *
     * @param allowedStatutes  the agreement's authority and the others the settings allow
     * @param evaluationDay    the day periods are judged on; none may be later than its year
     * @param oldestTaxYearAge how many years before the evaluation year a period may start
     */
    public RequestRules(AddressNormalizer address, List<String> allowedStatutes, LocalDate evaluationDay,
                        int oldestTaxYearAge) {
        this.address = address;
        this.statutes = new StatuteCitations(allowedStatutes);
        this.latestYear = evaluationDay.getYear();
        this.earliestYear = latestYear - oldestTaxYearAge;
    }

    /**
     * The problems of a normalised record.
     *
     * @param duplicateId  the id is empty or an earlier record of the file used it
     * @param boilerplate  the record's reason text is on too many of the file's records
     */
    public List<RecordProblem> check(RequestRecord r, boolean duplicateId, boolean boilerplate) {
        List<RecordProblem> problems = new ArrayList<>(0);
        if (duplicateId) {
            problems.add(new RecordProblem(RequestCode.DUPLICATE_REQUEST_ID, r.requestId().isEmpty()
                    ? "request_id is empty; every record needs its own id"
                    : "request_id is used by an earlier record of this file"));
        }
        if (r.name().isEmpty()) {
            problems.add(new RecordProblem(RequestCode.NAME_MISSING, "name is empty"));
        }
        checkAddress(r, problems);
        checkPeriods(r, problems);
        checkStatute(r, problems);
        if (r.reason().isEmpty()) {
            problems.add(new RecordProblem(RequestCode.REASON_MISSING, "reason is empty; state the specific reason"));
        } else if (boilerplate) {
            problems.add(new RecordProblem(RequestCode.REASON_BOILERPLATE,
                    "the same reason is given for many records of this file; state the specific reason for each"));
        }
        if (r.requestingOfficial().isEmpty()) {
            problems.add(new RecordProblem(RequestCode.OFFICIAL_MISSING, "requesting_official is empty"));
        }
        return problems;
    }

    private void checkAddress(RequestRecord r, List<RecordProblem> problems) {
        boolean street = address.isDeliverable(r.street());
        if (!street || r.city().isEmpty()) {
            String what = !street && r.city().isEmpty() ? "the street line has no house number or PO box, and city is empty"
                    : !street ? "the street line has no house number or PO box" : "city is empty";
            problems.add(new RecordProblem(RequestCode.ADDRESS_INCOMPLETE, what));
        }
        if (!address.isValidState(r.state())) {
            problems.add(new RecordProblem(RequestCode.STATE_INVALID, r.state().isEmpty() ? "state is empty"
                    : "state '" + r.state() + "' is not a US state, DC, territory or military code"));
        }
        if (!AddressNormalizer.isValidZip(r.zip())) {
            problems.add(new RecordProblem(RequestCode.ZIP_INVALID, r.zip().isEmpty() ? "zip is empty"
                    : "zip '" + r.zip() + "' is not a 5-digit ZIP code or ZIP+4"));
        }
    }

    private void checkPeriods(RequestRecord r, List<RecordProblem> problems) {
        if (r.taxablePeriods().isEmpty()) {
            problems.add(new RecordProblem(RequestCode.PERIOD_MISSING, "taxable_periods is empty"));
            return;
        }
        String problem = TaxPeriods.problem(r.taxablePeriods(), earliestYear, latestYear);
        if (problem != null) {
            problems.add(new RecordProblem(RequestCode.PERIOD_INVALID, problem));
        }
    }

    private void checkStatute(RequestRecord r, List<RecordProblem> problems) {
        if (r.statute().isEmpty()) {
            problems.add(new RecordProblem(RequestCode.STATUTE_MISSING, "statute is empty"));
            return;
        }
        List<String> refused = statutes.notAllowed(r.statute());
        if (!refused.isEmpty()) {
            problems.add(new RecordProblem(RequestCode.STATUTE_NOT_IN_AGREEMENT,
                    "statute '" + String.join("; ", refused) + "' is not an authority of the agreement"));
        }
    }
}
