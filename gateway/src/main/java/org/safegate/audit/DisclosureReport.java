package org.safegate.audit;

import java.util.Map;
import java.util.TreeMap;

/**
 * The accounting of disclosures (IRC 6103(p)(3)) for a period, per agreement: transfers and
 * records delivered, denials by reason code, quarantines and redisclosures, and, apart from the
 * disclosures, the request files forwarded to the data holder and the request records in them.
 * The accounting is the agreement's provider's: a file another agency sent under the agreement (its
 * recipient, say, whose file is refused) was no disclosure of the provider's, so it is counted
 * apart too. Whose file it was is the event's actor (its sender) against its provider. Of the
 * disclosures (deliveries and redisclosures), those that are items of a recall are counted by how
 * they stand ({@link RecallMarks}), as of when the report is made.
 */
public final class DisclosureReport {
    /** The category of a request file forwarded to the data holder: a request, not a disclosure. */
    public static final String REQUEST_CATEGORY = "request";

    private final Map<String, Account> accounts = new TreeMap<>();
    private final RecallMarks marks;

    /** Empty; {@link #of} fills one from the store. */
    DisclosureReport(RecallMarks marks) {
        this.marks = marks;
    }

    /** Totals for one agreement. */
    public static final class Account {
        private String provider;
        private long delivered;
        private long recordsDelivered;
        private long denied;
        private final Map<String, Long> deniedByReason = new TreeMap<>();
        private long quarantined;
        private long failed;
        private long redisclosed;
        private long recordsRedisclosed;
        private long requests;
        private long requestRecords;
        private long fromOtherSenders;
        private long recalled;
        private long disposed;
        private long closed;
        private long open;

        /** The agreement's provider, whose disclosures these are; {@code null} when no event named it. */
        public String provider() { return provider; }
        public long delivered() { return delivered; }
        public long recordsDelivered() { return recordsDelivered; }
        public long denied() { return denied; }
        public Map<String, Long> deniedByReason() { return java.util.Collections.unmodifiableMap(deniedByReason); }
        public long quarantined() { return quarantined; }
        public long failed() { return failed; }
        public long redisclosed() { return redisclosed; }
        public long recordsRedisclosed() { return recordsRedisclosed; }
        public long requests() { return requests; }
        public long requestRecords() { return requestRecords; }
        /** Files sent under the agreement by an agency other than its provider, other than request files. */
        public long fromOtherSenders() { return fromOtherSenders; }
        /** Disclosures (deliveries and redisclosures) that are items of at least one recall. */
        public long recalled() { return recalled; }
        /** Recalled disclosures whose holder certified disposal of every item. */
        public long disposed() { return disposed; }
        /** Recalled disclosures with no item open, at least one closed by an officer. */
        public long closed() { return closed; }
        /** Recalled disclosures with an item still open. */
        public long open() { return open; }

        private void mark(RecallMarks.Mark mark) {
            recalled++;
            switch (mark) {
                case OPEN -> open++;
                case DISPOSED -> disposed++;
                case CLOSED -> closed++;
            }
        }
    }

    /**
     * Reads the period's events from the store and accounts for every transfer outcome; {@code marks}
     * says which deliveries were recalled and how they stand.
     */
    public static DisclosureReport of(AuditStore store, AuditQuery period, RecallMarks marks) {
        DisclosureReport report = new DisclosureReport(marks);
        store.forEach(period, report::add);
        return report;
    }

    void add(AuditEvent event) {
        AuditEntry e = event.entry();
        if (!e.type().isTransferOutcome()) {
            return;
        }
        Account account = accounts.computeIfAbsent(e.agreement() == null ? "(none)" : e.agreement(), k -> new Account());
        long records = e.recordCount() == null ? 0 : e.recordCount();
        if (e.provider() != null && account.provider == null && !REQUEST_CATEGORY.equals(e.category())) {
            account.provider = e.provider();
        }
        if (e.provider() != null && !e.provider().equals(e.actor()) && !REQUEST_CATEGORY.equals(e.category())) {
            account.fromOtherSenders++;
            return;
        }
        switch (e.type()) {
            case TRANSFER_DELIVERED -> {
                if (REQUEST_CATEGORY.equals(e.category())) {
                    account.requests++;
                    account.requestRecords += records;
                } else {
                    account.delivered++;
                    account.recordsDelivered += records;
                    markRecalled(account, e);
                }
            }
            case REDISCLOSURE -> {
                account.redisclosed++;
                account.recordsRedisclosed += records;
                markRecalled(account, e);
            }
            case TRANSFER_DENIED -> {
                account.denied++;
                e.reasonCodes().forEach(code -> account.deniedByReason.merge(code, 1L, Long::sum));
            }
            case TRANSFER_QUARANTINED -> account.quarantined++;
            default -> account.failed++;
        }
    }

    private void markRecalled(Account account, AuditEntry delivery) {
        if (delivery.transferId() != null) {
            marks.of(delivery.transferId()).ifPresent(account::mark);
        }
    }

    /** Accounts by agreement id, sorted. */
    public Map<String, Account> accounts() {
        return java.util.Collections.unmodifiableMap(accounts);
    }
}
