package org.safegate.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.testing.TestClocks;
import org.safegate.transfer.TransferOutcome;

/** A security officer revokes one agreement: the next file under it is denied; other agreements still decide. */
class AgreementAccessTest {
    @TempDir
    Path dir;
    private AdminWorkspace ws;
    private AgreementAccess access;

    @BeforeEach
    void open() throws IOException {
        ws = AdminWorkspace.open(dir, TestClocks.runningFromCaseDay());
        access = ws.gateway.agreementAccess();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void revokedAgreementDeniesTheVeryNextFileAndReinstatementLetsTheNextOneThrough() throws IOException {
        assertThat(ws.process("IRS", ws.drop("IRS", "IRS-DOJ-2024", "before.csv", AdminWorkspace.ADDRESSES)))
                .isEqualTo(TransferOutcome.DELIVERED);

        access.revoke("IRS-DOJ-2024", "court order under review", "olga", "test");

        assertThat(ws.process("IRS", ws.drop("IRS", "IRS-DOJ-2024", "during.csv", AdminWorkspace.ADDRESSES)))
                .isEqualTo(TransferOutcome.DENIED);
        AuditEntry denied = ws.events(AuditEventType.TRANSFER_DENIED).get(0).entry();
        assertThat(denied.reasonCodes()).containsExactly("AGREEMENT_REVOKED");
        assertThat(ws.gateway.revocations().inForce("DOJ")).as("the agency itself is not revoked").isEmpty();

        access.reinstate("IRS-DOJ-2024", "order confirmed", "olga", "test");

        assertThat(ws.process("IRS", ws.drop("IRS", "IRS-DOJ-2024", "after.csv", AdminWorkspace.ADDRESSES)))
                .isEqualTo(TransferOutcome.DELIVERED);
    }

    @Test
    void bothActsAreAuditedWithTheOperatorAsActor() {
        access.revoke("IRS-DOJ-2024", "court order under review", "olga", "POST /api/agreements/IRS-DOJ-2024/revoke");
        access.reinstate("IRS-DOJ-2024", "order confirmed", "oscar", "POST /api/agreements/IRS-DOJ-2024/reinstate");

        List<AuditEvent> revoked = ws.events(AuditEventType.AGREEMENT_REVOKED);
        assertThat(revoked).hasSize(1);
        assertThat(revoked.get(0).entry().actor()).isEqualTo("olga");
        assertThat(revoked.get(0).entry().agreement()).isEqualTo("IRS-DOJ-2024");
        assertThat(revoked.get(0).entry().recipient()).isEqualTo("DOJ");
        assertThat(revoked.get(0).entry().change()).contains("court order under review");
        List<AuditEvent> reinstated = ws.events(AuditEventType.AGREEMENT_REINSTATED);
        assertThat(reinstated).hasSize(1);
        assertThat(reinstated.get(0).entry().actor()).isEqualTo("oscar");
        assertThat(reinstated.get(0).entry().origin()).isEqualTo("POST /api/agreements/IRS-DOJ-2024/reinstate");
    }

    @Test
    void unknownAgreementIsNotFound() {
        assertThatThrownBy(() -> access.revoke("NO-SUCH", "why", "olga", "test"))
                .isInstanceOfSatisfying(SafegateException.class, p -> assertThat(p.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(ws.events(AuditEventType.AGREEMENT_REVOKED)).isEmpty();
    }

    @Test
    void blankOrMissingReasonIsBadInputNamingTheField() {
        for (String reason : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> access.revoke("IRS-DOJ-2024", reason, "olga", "test"))
                    .isInstanceOfSatisfying(SafegateException.class, p -> {
                        assertThat(p.code()).isEqualTo(ErrorCode.BAD_INPUT);
                        assertThat(p.field()).contains("reason");
                    });
        }
        assertThatThrownBy(() -> access.revoke("IRS-DOJ-2024", "x".repeat(2001), "olga", "test"))
                .isInstanceOfSatisfying(SafegateException.class, p -> assertThat(p.field()).contains("reason"));
        assertThat(ws.gateway.revocations().agreementInForce("IRS-DOJ-2024")).isEmpty();
    }

    @Test
    void reinstatingAnAgreementThatIsNotRevokedIsRefusedAsNotRevokedAndNotAudited() {
        assertThatThrownBy(() -> access.reinstate("IRS-DOJ-2024", "why", "olga", "test"))
                .isInstanceOfSatisfying(SafegateException.class, p -> assertThat(p.code()).isEqualTo(ErrorCode.NOT_REVOKED));
        assertThat(ws.events(AuditEventType.AGREEMENT_REINSTATED)).isEmpty();
    }
}
