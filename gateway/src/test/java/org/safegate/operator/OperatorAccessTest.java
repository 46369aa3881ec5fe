package org.safegate.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditEventType;
import org.safegate.policy.model.Operator;
import org.safegate.testing.TestClocks;

/** One operator acts on another's access; the service refuses in error codes, never in HTTP terms. */
class OperatorAccessTest {
    private static final String ORIGIN = "test";

    @TempDir
    Path dir;
    private AdminWorkspace ws;
    private LoginThrottle throttle;
    private OperatorAccess access;

    @BeforeEach
    void open() throws IOException {
        Clock clock = TestClocks.runningFromCaseDay();
        ws = AdminWorkspace.open(dir, clock);
        throttle = new LoginThrottle(new LoginThrottle.Limits(1, 5, Duration.ofMinutes(5), Duration.ofMinutes(60)),
                clock);
        access = new OperatorAccess(ws.gateway.policies(), throttle, ws.gateway.apiTokens(), ws.gateway.auditLog());
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void anUnknownOperatorIsNotFound() {
        assertThatThrownBy(() -> access.known("nobody"))
                .isInstanceOfSatisfying(SafegateException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("no operator 'nobody'");
                });
    }

    @Test
    void anotherOperatorLiftsTheLockoutAndItIsAudited() {
        ((LoginThrottle.Attempt) throttle.admit("auditor", "203.0.113.9")).failed();
        assertThat(throttle.admit("auditor", "203.0.113.9")).isInstanceOf(LoginThrottle.Wait.class);

        int cleared = access.unlock(access.known("auditor"), Optional.empty(), "forgot it", "admin", ORIGIN, "unlock");

        assertThat(cleared).isEqualTo(1);
        assertThat(throttle.admit("auditor", "203.0.113.9")).isInstanceOf(LoginThrottle.Attempt.class);
        assertThat(ws.events(AuditEventType.OPERATOR_UNLOCKED)).singleElement()
                .satisfies(e -> assertThat(e.entry().actor()).isEqualTo("admin"));
    }

    @Test
    void noOneUnlocksThemselvesAndTheRefusalIsAudited() {
        Operator admin = access.known("admin");

        assertThatThrownBy(() -> access.unlock(admin, Optional.empty(), "me", "admin", ORIGIN, "self unlock"))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SELF_UNLOCK));
        assertThat(ws.events(AuditEventType.OPERATOR_FORBIDDEN)).singleElement()
                .satisfies(e -> assertThat(e.entry().object()).isEqualTo("self unlock"));
        assertThat(ws.events(AuditEventType.OPERATOR_UNLOCKED)).isEmpty();
    }

    @Test
    void revokingATokenTheOperatorDoesNotHaveNamesTheTokenField() {
        assertThatThrownBy(() -> access.revokeTokens(access.known("auditor"), Optional.of("laptop"), "lost", "admin",
                ORIGIN)).isInstanceOfSatisfying(SafegateException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                    assertThat(e.field()).contains("token");
                });
    }

    @Test
    void revokingWhenNoTokenIsLeftIsRefused() {
        assertThatThrownBy(() -> access.revokeTokens(access.known("auditor"), Optional.empty(), "lost", "admin",
                ORIGIN)).isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_TOKENS_TO_REVOKE));
        assertThat(ws.events(AuditEventType.API_TOKEN_REVOKED)).isEmpty();
    }
}
