package org.safegate.transfer;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.safegate.recall.DisposalCertification;
import org.safegate.recall.Recall;
import org.safegate.recall.RecallItem;

/**
 * Whether a certificate's items fit its recall: each one an item of the recall held by the
 * certificate's sender ({@code CERTIFICATE_ITEMS} otherwise, in the same words whoever holds it, so
 * a holder learns nothing of other holders), still open ({@code CERTIFICATE_REPLAYED} when certified
 * already), disposed of no later than the gateway's day ({@code CERTIFICATE_FUTURE_DATED}) and not
 * before it was delivered. The first problem found is the refusal, naming the item.
 */
final class CertificateChecks {
    private CertificateChecks() {
    }

    /** The refusal, or empty when every item fits; {@code today} is the gateway's day (UTC). */
    static Optional<Refusal> problem(CertificateDocument certificate, Recall recall, String holder, LocalDate today) {
        Map<String, RecallItem> items = recall.items().stream()
                .collect(Collectors.toMap(RecallItem::transfer, Function.identity()));
        List<DisposalCertification.Item> listed = certificate.items();
        for (int i = 0; i < listed.size(); i++) {
            DisposalCertification.Item item = listed.get(i);
            String which = "items[" + i + "] (transfer " + item.transfer() + ")";
            RecallItem held = items.get(item.transfer());
            if (held == null || !held.holder().equals(holder)) {
                return refusal(RefusalCode.CERTIFICATE_ITEMS, which + " is not an item of recall " + recall.id()
                        + " held by " + holder);
            }
            if (held.state() == RecallItem.State.CERTIFIED) {
                return refusal(RefusalCode.CERTIFICATE_REPLAYED, which + " was certified already");
            }
            if (held.state() != RecallItem.State.OPEN) {
                return refusal(RefusalCode.CERTIFICATE_ITEMS, which + " was closed by a security officer and takes"
                        + " no certificate");
            }
            if (item.date().isAfter(today)) {
                return refusal(RefusalCode.CERTIFICATE_FUTURE_DATED, which + " is dated " + item.date()
                        + ", after today (" + today + ", UTC)");
            }
            LocalDate delivered = LocalDate.ofInstant(held.deliveredAt(), ZoneOffset.UTC);
            if (item.date().isBefore(delivered)) {
                return refusal(RefusalCode.CERTIFICATE_ITEMS, which + " is dated " + item.date()
                        + ", before it was delivered (" + delivered + ", UTC)");
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refusal(RefusalCode code, String message) {
        return Optional.of(new Refusal(code, message));
    }
}
