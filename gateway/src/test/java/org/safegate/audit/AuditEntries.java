package org.safegate.audit;

import java.util.List;

/** Typical entries, as the routes will record them. */
public final class AuditEntries {
    private AuditEntries() {
    }

    public static AuditEntry delivered(String transferId, String agreement, long records) {
        return AuditEntry.builder(AuditEventType.TRANSFER_DELIVERED, "IRS").origin("outbox:IRS")
                .object("addresses-" + transferId + ".csv").transferId(transferId).provider("IRS").recipient("ICE")
                .agreement(agreement).authority("26 U.S.C. 6103(i)(2)").category("last-known-address")
                .payloadDigest("sha256:" + "ab".repeat(32)).size(1024L * records).recordCount(records)
                .decision("permit").change("delivered to inbox:ICE").build();
    }

    public static AuditEntry denied(String transferId, String agreement, String... reasons) {
        return AuditEntry.builder(AuditEventType.TRANSFER_DENIED, "IRS").origin("outbox:IRS")
                .object("addresses-" + transferId + ".csv").transferId(transferId).provider("IRS").recipient("ICE")
                .agreement(agreement).category("last-known-address").recordCount(10L).outcome(Outcome.FAILURE)
                .decision("deny").reasonCodes(List.of(reasons)).change("ICE is not current").build();
    }

    public static AuditEntry redisclosed(String transferId, String parent, String agreement, long records) {
        return AuditEntry.builder(AuditEventType.REDISCLOSURE, "DOJ").origin("outbox:DOJ").transferId(transferId)
                .provider("DOJ").recipient("ICE").agreement(agreement).category("last-known-address")
                .recordCount(records).decision("permit").parentTransfer(parent).build();
    }
}
