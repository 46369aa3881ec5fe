package org.safegate.audit;

import java.util.EnumSet;
import java.util.Set;

/** How a transfer ended, as the audit filters name it; each stands for the event types it covers. */
public enum TransferOutcome {
    delivered, denied, quarantined, failed;

    public Set<AuditEventType> types() {
        return switch (this) {
            case delivered -> EnumSet.of(AuditEventType.TRANSFER_DELIVERED, AuditEventType.REDISCLOSURE);
            case denied -> EnumSet.of(AuditEventType.TRANSFER_DENIED);
            case quarantined -> EnumSet.of(AuditEventType.TRANSFER_QUARANTINED);
            case failed -> EnumSet.of(AuditEventType.TRANSFER_FAILED, AuditEventType.TRANSFER_HELD);
        };
    }
}
