package org.safegate.app;

import java.util.List;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditLog;
import org.safegate.audit.Outcome;
import org.safegate.sftp.RefusedRemoteNames;
import org.safegate.transfer.RefusalCode;

/** Each entry an SFTP outbox lists under a name the gateway will not take goes into the audit log. */
record AuditedRemoteNames(AuditLog audit) implements RefusedRemoteNames {
    @Override
    public void refused(String agency, String where, String problem) {
        audit.append(AuditEntry.builder(AuditEventType.REMOTE_FILE_REFUSED, agency).origin("outbox:" + agency)
                .object(where).provider(agency).outcome(Outcome.FAILURE)
                .reasonCodes(List.of(RefusalCode.NAME_UNSAFE.name()))
                .change("left on the server, not taken: " + problem).build());
    }
}
