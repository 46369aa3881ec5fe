package org.safegate;

import java.util.Objects;
import java.util.Optional;

/**
 * The one exception type of Safegate. Every failure carries an {@link ErrorCode} that callers
 * (and exit codes) can act on, a message that names what is wrong, and its cause when there is one.
 * An error about one field of a caller's input names that field, so that the admin API can say
 * which one to fix.
 */
public class SafegateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String field;

    public SafegateException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public SafegateException(ErrorCode code, String message, Throwable cause) {
        this(code, message, cause, null);
    }

    private SafegateException(ErrorCode code, String message, Throwable cause, String field) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    /** {@link ErrorCode#BAD_INPUT} about one field of the caller's input. */
    public static SafegateException invalid(String field, String message) {
        return about(ErrorCode.BAD_INPUT, Objects.requireNonNull(field, "field"), message);
    }

    /** An error of any code about one field of the caller's input (an unknown token named in a request). */
    public static SafegateException about(ErrorCode code, String field, String message) {
        return new SafegateException(code, message, null, Objects.requireNonNull(field, "field"));
    }

    /** {@link ErrorCode#NOT_FOUND}: there is no {@code what} with this id. */
    public static SafegateException notFound(String what, String id) {
        return new SafegateException(ErrorCode.NOT_FOUND, "no " + what + " '" + id + "'");
    }

    public ErrorCode code() {
        return code;
    }

    /** The field of the caller's input the error is about, when it is about one. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
