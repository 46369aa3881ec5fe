package org.safegate;

import java.util.Objects;

/**
 * The one exception type of Safegate. Every failure carries an {@link ErrorCode} that callers
 * (and exit codes) can act on, a message that names what is wrong, and its cause when there is one.
 */
public class SafegateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public SafegateException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public SafegateException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
