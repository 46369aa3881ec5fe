package org.safegate.policy.load;

/** The kinds of problem a policy set can have. */
public enum ProblemCode {
    FILE_UNREADABLE,
    FILE_TOO_LARGE,
    NOT_UTF8,
    SYMLINK_ESCAPES,
    YAML_MALFORMED,
    YAML_ALIAS_LIMIT,
    NOT_A_MAPPING,
    UNKNOWN_KEY,
    DUPLICATE_KEY,
    MISSING_FIELD,
    WRONG_TYPE,
    INVALID_VALUE,
    INVALID_DATE,
    DATE_ORDER,
    DUPLICATE_ID,
    UNKNOWN_REFERENCE,
    SELF_RECIPIENT,
    PLAINTEXT_PASSWORD,
    /** Warnings from here on. */
    FILE_NOT_FOUND,
    UNEXPECTED_FILE,
    SEPARATION_OF_DUTIES,
    /** An API token without an {@code expires} date: the gateway's token lifetime alone ends it. */
    TOKEN_WITHOUT_EXPIRY
}
