package org.safegate.recall;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.Outcome;

/**
 * The {@code DISPOSAL_CERTIFIED} events of a certificate of disposal, one per item: the holder is
 * the actor and the recipient, the recall's issuer the provider, the item's transfer the object (so
 * {@code audit show} of the transfer shows it); the change names the recall, what was done, how,
 * when, who certified and the certificate.
 */
public final class CertificationEvents {
    private CertificationEvents() {
    }

    /** The events, in the order of the certification's items; {@code recall} is the one it certifies. */
    public static List<AuditEntry> of(DisposalCertification certification, Recall recall, String origin) {
        Map<String, RecallItem> items = recall.items().stream()
                .collect(Collectors.toMap(RecallItem::transfer, Function.identity()));
        return certification.items().stream().map(item -> AuditEntry.builder(AuditEventType.DISPOSAL_CERTIFIED,
                        certification.holder()).origin(origin).object(item.transfer()).outcome(Outcome.SUCCESS)
                .transferId(item.transfer()).provider(certification.issuer()).recipient(certification.holder())
                .agreement(items.get(item.transfer()).agreement())
                .change("recall " + certification.recallId() + ": " + item.disposition().key() + " on " + item.date()
                        + " (" + item.method() + "), certified by " + certification.certifiedBy().name() + ", "
                        + certification.certifiedBy().title() + "; certificate " + certification.certificateId()
                        + " (sha256:" + certification.certificateSha256() + ")")
                .build()).toList();
    }
}
