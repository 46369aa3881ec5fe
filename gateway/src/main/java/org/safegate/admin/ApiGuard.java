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
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditLog;
import org.safegate.audit.Outcome;

/**
 * Authenticates every request (HTTP Basic or {@code Bearer <api token>}) and authorises it through
 * the API's own Shiro security manager (there is no global subject). Failed logins and refused
 * requests go into the audit log with who, what and from where; a password or token never does.
 */
public final class ApiGuard {
    private final SecurityManager security;
    private final OperatorRealm operators;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    public ApiGuard(SecurityManager security, OperatorRealm operators, LoginThrottle throttle, AuditLog audit) {
        this.security = security;
        this.operators = operators;
        this.throttle = throttle;
        this.audit = audit;
    }

    /**
     * The id of the operator the request's credentials prove.
     *
     * @throws ApiProblem UNAUTHORIZED without valid credentials; TOO_MANY_REQUESTS while locked out
     */
    public String authenticate(ApiRequest request, ApiOperation operation) {
        String header = request.authorization().orElseThrow(() -> unauthorized("credentials are required"));
        Optional<AuthenticationToken> token = token(header);
        String user = token.map(t -> String.valueOf(t.getPrincipal())).orElse("");
        Optional<Duration> wait = throttle.waitFor(user, request.clientAddress());
        if (wait.isPresent()) {
            throw new Throttled(Math.max(1, (wait.get().toMillis() + 999) / 1000));
        }
        if (token.isEmpty()) {
            failed(user, request, operation, "credentials not in Basic or Bearer token form");
            throw unauthorized("credentials must be HTTP Basic or a Bearer API token");
        }
        try {
            security.authenticate(token.get());
        } catch (AuthenticationException e) {
            failed(user, request, operation, operators.knows(user) ? "wrong password or token" : "unknown operator");
            throw unauthorized("the credentials are not valid");
        }
        throttle.succeeded(user);
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

    private void failed(String user, ApiRequest request, ApiOperation operation, String why) {
        boolean lockout = throttle.failed(user, request.clientAddress());
        // only known ids are recorded: people do type a password into the name field
        String actor = operators.knows(user) ? user : "unknown-operator";
        audit.append(AuditEntry.builder(AuditEventType.OPERATOR_LOGIN_FAILED, actor).origin(origin(request))
                .object(describe(operation, request)).outcome(Outcome.FAILURE)
                .change(why + (lockout ? "; further logins refused for a while" : "")).build());
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

    /** Logins are refused for a while (answered 429 with Retry-After). */
    public static final class Throttled extends RuntimeException {
        private final long retryAfterSeconds;

        Throttled(long retryAfterSeconds) {
            super("too many failed logins; try again in " + retryAfterSeconds + " s", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        public ApiProblem problem() {
            return new ApiProblem(ApiProblem.Kind.TOO_MANY_REQUESTS, "TOO_MANY_FAILED_LOGINS", getMessage(), null);
        }
    }

    private static ApiProblem unauthorized(String message) {
        return new ApiProblem(ApiProblem.Kind.UNAUTHORIZED, "UNAUTHORIZED", message, null);
    }
}
