package org.safegate.inspect.rules;

/**
 * Why a request record does not meet 26 U.S.C. 6103(i)(2)(B) or is not well formed enough to be
 * matched. Stable names: they appear in rejection files, audit events and documentation.
 */
public enum RequestCode {
    /** No taxpayer name. */
    NAME_MISSING,
    /** The street line has neither a house number nor a PO box, or the city is missing. */
    ADDRESS_INCOMPLETE,
    /** Not a US state, DC, territory or military state code. */
    STATE_INVALID,
    /** Not a 5-digit ZIP code or ZIP+4. */
    ZIP_INVALID,
    /** No taxable period. */
    PERIOD_MISSING,
    /** A period that is not a real tax year: malformed, in the future, or too old. */
    PERIOD_INVALID,
    /** No statutory authority. */
    STATUTE_MISSING,
    /** The cited authority is neither the agreement's nor one the settings allow. */
    STATUTE_NOT_IN_AGREEMENT,
    /** No specific reason. */
    REASON_MISSING,
    /** The same reason text appears on a large share of the file's records: not specific. */
    REASON_BOILERPLATE,
    /** No requesting official. */
    OFFICIAL_MISSING,
    /** The request id is missing or was already used earlier in the file. */
    DUPLICATE_REQUEST_ID
}
