package org.safegate.admin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.mgt.SecurityManager;
import org.apache.shiro.subject.SimplePrincipalCollection;
import org.safegate.SafegateException;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditLog;
import org.safegate.audit.Outcome;
import org.safegate.operator.ApiToken;
import org.safegate.operator.LoginThrottle;
import org.safegate.operator.OperatorLogin;
import org.safegate.operator.OperatorRealm;
import org.safegate.operator.PasswordChecks;
import org.safegate.operator.Power;

/**
 * Authenticates every request (HTTP Basic or {@code Bearer <api token>}) and authorises it through
 * the API's own Shiro security manager (there is no global subject). Failed logins and refused
 * requests go into the audit log with who, what and from where; a password or token never does.
 */
public final class ApiGuard {
    private final SecurityManager security;
    private final OperatorRealm operators;
    private final LoginThrottle throttle;
    private final PasswordChecks checks;
    private final AuditLog audit;

    ApiGuard(SecurityManager security, OperatorRealm operators, LoginThrottle throttle, PasswordChecks checks,
             AuditLog audit) {
        this.security = security;
        this.operators = operators;
        this.throttle = throttle;
        this.checks = checks;
        this.audit = audit;
    }

    /**
     * The id of the operator the request's credentials prove. The attempt is admitted by the
     * throttle before anything is hashed, and the hash waits for a free place among the checks.
     *
     * @throws ApiProblem UNAUTHORIZED without valid credentials
     * @throws Throttled  429 while this address (or this id from it) must wait; 503 while every
     *                    place to check a password is taken
     */
    public String authenticate(ApiRequest request, ApiOperation operation) {
        String header = request.authorization().orElseThrow(() -> unauthorized("credentials are required"));
        Optional<AuthenticationToken> token = token(header);
        String user = token.map(t -> String.valueOf(t.getPrincipal())).orElse("");
        LoginThrottle.Admission admission = throttle.admit(user, request.clientAddress());
        if (admission instanceof LoginThrottle.Wait wait) {
            throw Throttled.tooManyFailures(wait.duration());
        }
        LoginThrottle.Attempt attempt = (LoginThrottle.Attempt) admission;
        if (token.isEmpty()) {
            failed(attempt, user, request, operation, "credentials not in Basic or Bearer token form");
            throw unauthorized("credentials must be HTTP Basic or a Bearer API token");
        }
        try {
            checks.check(() -> security.authenticate(token.get()));
        } catch (PasswordChecks.Busy busy) {
            attempt.abandoned();
            throw Throttled.busy();
        } catch (AuthenticationException e) {
            if (e.getCause() instanceof SafegateException unavailable) {
                // the store or the audit log failed while a token was checked: nothing was decided
                attempt.abandoned();
                throw unavailable;
            }
            failed(attempt, user, request, operation, why(user, e));
            throw unauthorized("the credentials are not valid");
        } catch (RuntimeException e) {
            attempt.abandoned();
            throw e;
        }
        attempt.succeeded();
        return user;
    }

    /** Refuses (403, audited) an operator whose roles lack the operation's power. */
    public void authorize(String operator, ApiRequest request, ApiOperation operation) {
        operation.power().ifPresent(power -> authorize(operator, request, operation, power));
    }

    /** Refuses (403, audited) an operator whose roles lack the power. */
    public void authorize(String operator, ApiRequest request, ApiOperation operation, Power power) {
        if (security.isPermitted(new SimplePrincipalCollection(operator, operators.getName()), power.permission())) {
            return;
        }
        audit.append(AuditEntry.builder(AuditEventType.OPERATOR_FORBIDDEN, operator)
                .origin(origin(request)).object(describe(operation, request)).outcome(Outcome.FAILURE)
                .change("refused: needs " + power.permission()).build());
        throw new ApiProblem(ApiProblem.Kind.FORBIDDEN, "FORBIDDEN",
                operator + " may not " + operation.method() + " " + operation.path() + " (needs "
                        + power.permission() + ")", null);
    }

    private void failed(LoginThrottle.Attempt attempt, String user, ApiRequest request, ApiOperation operation,
                        String why) {
        boolean lockout = attempt.failed();
        // only known ids are recorded: people do type a password into the name field
        String actor = operators.knows(user) ? user : "unknown-operator";
        audit.append(AuditEntry.builder(AuditEventType.OPERATOR_LOGIN_FAILED, actor).origin(origin(request))
                .object(describe(operation, request)).outcome(Outcome.FAILURE)
                .change(why + (lockout ? "; further logins from " + request.clientAddress()
                        + " refused for a while" : "")).build());
    }

    /** Why a login failed, for the audit log: never the secret, nor whether an unknown id exists. */
    private String why(String user, AuthenticationException e) {
        return OperatorLogin.reason(e, operators.knows(user));
    }

    private static Optional<AuthenticationToken> token(String header) {
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        String value = space < 0 ? "" : header.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return ApiToken.parse(value).map(t -> t);
        }
        if (!scheme.equalsIgnoreCase("Basic")) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(new UsernamePasswordToken(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    private static String origin(ApiRequest request) {
        return "admin API from " + request.clientAddress();
    }

    private static String describe(ApiOperation operation, ApiRequest request) {
        String path = operation.path();
        for (var parameter : request.pathParameters().entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        return operation.method() + " " + path;
    }

    /** A login refused for now, answered with Retry-After: 429 after failures, 503 while checks are busy. */
    public static final class Throttled extends RuntimeException {
        private final long retryAfterSeconds;
        private final ApiProblem problem;

        private Throttled(long retryAfterSeconds, ApiProblem problem) {
            super(problem.getMessage(), null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
            this.problem = problem;
        }

        static Throttled tooManyFailures(Duration wait) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            return new Throttled(seconds, new ApiProblem(ApiProblem.Kind.TOO_MANY_REQUESTS, "TOO_MANY_FAILED_LOGINS",
                    "too many failed logins; try again in " + seconds + " s", null));
        }

        static Throttled busy() {
            return new Throttled(1, new ApiProblem(ApiProblem.Kind.UNAVAILABLE, "LOGINS_BUSY",
                    "too many logins are being checked at once; try again in 1 s", null));
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        public ApiProblem problem() {
            return problem;
        }
    }

    private static ApiProblem unauthorized(String message) {
        return new ApiProblem(ApiProblem.Kind.UNAUTHORIZED, "UNAUTHORIZED", message, null);
    }
}
