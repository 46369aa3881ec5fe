package org.safegate.admin;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.shiro.mgt.DefaultSecurityManager;
import org.safegate.SafegateException;
import org.safegate.config.ApiSettings;
import org.safegate.operator.LoginThrottle;
import org.safegate.operator.OperatorAccess;
import org.safegate.operator.OperatorRealm;
import org.safegate.operator.PasswordChecks;
import org.safegate.operator.Power;
import org.safegate.policy.load.PolicyProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API, independent of the HTTP server: every request is authenticated and authorised
 * (except the health check and the OpenAPI document), then answered by the operation's endpoint.
 * A query parameter the operation does not declare is refused. Every error is an RFC 9457 problem
 * ({@link Problems}); an unexpected failure is logged and answered without detail.
 */
public final class AdminApi {
    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
    /** How long a login waits for a free place to check its password before it is answered 503. */
    private static final java.time.Duration CHECK_WAIT = java.time.Duration.ofMillis(500);

    private final ApiGuard guard;
    private final long maxBodyBytes;
    private final HealthCheck health;
    private final PrometheusMetrics metrics;
    private final OpenApiDocument openApi;
    private final PolicyEndpoints policy;
    private final UpcomingEndpoint upcoming;
    private final AgencyEndpoints agencies;
    private final TransferEndpoints transfers;
    private final AuditEndpoints audit;
    private final AgreementEndpoints agreements;
    private final OperatorEndpoints operators;
    private final RecallEndpoints recalls;
    private final NodeEndpoints nodes;

    private AdminApi(ApiGuard guard, LoginThrottle throttle, long maxBodyBytes, AdminServices services,
                     String version, Supplier<Readiness> readiness) {
        this.guard = guard;
        this.maxBodyBytes = maxBodyBytes;
        this.health = new HealthCheck(services.node(), readiness,
                () -> services.policies().rejectedOnDisk().map(problem -> inFolder(problem, services.policyFolder())));
        this.metrics = new PrometheusMetrics(services);
        this.openApi = new OpenApiDocument(version);
        this.policy = new PolicyEndpoints(services);
        this.upcoming = new UpcomingEndpoint(services);
        this.agencies = new AgencyEndpoints(services);
        this.transfers = new TransferEndpoints(services.transferQueue());
        this.audit = new AuditEndpoints(services);
        this.agreements = new AgreementEndpoints(services);
        this.operators = new OperatorEndpoints(new OperatorAccess(services.policies(), throttle, services.apiTokens(),
                services.audit()));
        this.recalls = new RecallEndpoints(services);
        this.nodes = new NodeEndpoints(services);
    }

    /** The API with a Shiro security manager of its own over the live policy set's operators; health probed directly. */
    public static AdminApi create(AdminServices services, ApiSettings settings, Clock clock, String version) {
        return create(services, settings, clock, version, new ReadinessProbes(services)::now);
    }

    /** As above, with the health checks' results from {@code readiness} (Camel's health checks in a running gateway). */
    public static AdminApi create(AdminServices services, ApiSettings settings, Clock clock, String version,
                                  Supplier<Readiness> readiness) {
        OperatorRealm realm = new OperatorRealm(services.policies(), services.apiTokens());
        DefaultSecurityManager security = new DefaultSecurityManager(realm);
        ApiSettings.Login login = settings.login();
        LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Limits(login.maxFailures(),
                login.maxAddressFailures(), login.lockout(), login.maxLockout()), clock);
        PasswordChecks checks = new PasswordChecks(login.concurrentChecks(), CHECK_WAIT);
        return new AdminApi(new ApiGuard(security, realm, throttle, checks, services.audit()), throttle,
                settings.maxBodyBytes(), services, version, readiness);
    }

    /** The problem with its file named within the policy folder: the API shows no server paths. */
    private static String inFolder(PolicyProblem problem, java.nio.file.Path folder) {
        java.nio.file.Path file = problem.file();
        java.nio.file.Path absolute = folder.toAbsolutePath().normalize();
        if (file.isAbsolute() && file.normalize().startsWith(absolute)) {
            file = absolute.relativize(file.normalize());
        }
        return new PolicyProblem(file, problem.line(), problem.field(), problem.code(), problem.message()).toString();
    }

    public ApiResponse handle(ApiOperation operation, ApiRequest request) {
        try {
            String operator = null;
            Optional<Power> power = operation.power()
                    .or(() -> request.authorization().isPresent() ? operation.detailPower() : Optional.empty());
            if (power.isPresent()) {
                operator = guard.authenticate(request, operation);
                guard.authorize(operator, request, operation, power.get());
            }
            if (request.body().length > maxBodyBytes) {
                throw Problems.tooLarge(maxBodyBytes);
            }
            operation.checkQuery(request);
            return dispatch(operation, request, operator);
        } catch (ApiProblem problem) {
            return Json.error(problem);
        } catch (ApiGuard.Throttled throttled) {
            return Json.error(throttled.problem()).withHeader("Retry-After",
                    Long.toString(throttled.retryAfterSeconds()));
        } catch (SafegateException e) {
            if (!ErrorStatuses.isOperatorError(e.code())) {
                LOG.error("admin API {} {} failed: {}", operation.method(), operation.path(), e.getMessage());
            }
            return ErrorStatuses.response(e);
        } catch (RuntimeException e) {
            LOG.error("admin API {} {} failed", operation.method(), operation.path(), e);
            return Problems.status(500);
        }
    }

    private ApiResponse dispatch(ApiOperation operation, ApiRequest request, String operator) {
        return switch (operation) {
            case HEALTH -> health.check(operator != null);
            case METRICS -> metrics.scrape(request);
            case OPENAPI -> openApi.serve(request);
            case POLICY_STATUS -> policy.status(request);
            case POLICY_UPCOMING -> upcoming.upcoming(request);
            case POLICY_RELOAD -> policy.reload(request, operator);
            case AGENCIES -> agencies.list(request);
            case AGENCY -> agencies.one(request);
            case AGENCY_REVOKE -> agencies.revoke(request, operator);
            case AGENCY_REINSTATE -> agencies.reinstate(request, operator);
            case SAFEGUARD_EVENT -> agencies.safeguardEvent(request, operator);
            case TRANSFERS -> transfers.list(request);
            case TRANSFER_RELEASE -> transfers.release(request, operator);
            case AUDIT_EVENTS -> audit.events(request);
            case AUDIT_TRANSFER -> audit.transfer(request);
            case AUDIT_VERIFY -> audit.verify(request);
            case AUDIT_EXPORT -> audit.export(request);
            case AUDIT_REPORT -> audit.report(request);
            case AGREEMENTS -> agreements.list(request);
            case AGREEMENT -> agreements.one(request);
            case AGREEMENT_REVOKE -> agreements.revoke(request, operator);
            case AGREEMENT_REINSTATE -> agreements.reinstate(request, operator);
            case OPERATOR_UNLOCK -> operators.unlock(request, operator);
            case OPERATOR_TOKENS_REVOKE -> operators.revokeTokens(request, operator);
            case RECALL_ISSUE -> recalls.issue(request, operator);
            case RECALLS -> recalls.list(request);
            case RECALL -> recalls.one(request);
            case RECALL_CLOSE -> recalls.close(request, operator);
            case NODES -> nodes.list(request);
        };
    }
}
