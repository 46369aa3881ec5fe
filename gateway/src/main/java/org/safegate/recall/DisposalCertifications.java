package org.safegate.recall;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.store.Database;
import org.safegate.store.StoreWrite;

/**
 * Certificates of disposal kept in the store ({@code disposal_certification}, one row per item).
 * A certification is written as a {@link StoreWrite} inside the transaction of its items'
 * {@code DISPOSAL_CERTIFIED} events ({@link CertificationEvents}), together with each item's move
 * from open to certified: the store never holds a certified item the log does not show.
 */
public final class DisposalCertifications {
    private static final String COLUMNS = "c.certificate_id, c.recall_id, c.holder, r.issuer, c.transfer_id,"
            + " c.disposition, c.method, c.disposed_on, c.certified_by_name, c.certified_by_title,"
            + " c.certificate_sha256, c.recorded_at";

    private final Database database;

    public DisposalCertifications(Database database) {
        this.database = database;
    }

    /** The recall a certificate names, with its items as they stand, if the store has it. */
    public Optional<Recall> recall(String recallId) {
        return new StoredRecalls(database).find(recallId);
    }

    /**
     * The certification's rows and its items' move to {@code CERTIFIED}, for the caller's
     * transaction. An item that is no longer the holder's open item (a certificate recorded by
     * another lane meanwhile) fails the whole write, so nothing of it is recorded.
     */
    public static StoreWrite recording(DisposalCertification certification) {
        return c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO disposal_certification (recall_id,"
                    + " transfer_id, holder, certificate_id, disposition, method, disposed_on, certified_by_name,"
                    + " certified_by_title, certificate_sha256, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement certify = c.prepareStatement("UPDATE recall_item SET state = ? WHERE recall_id = ?"
                         + " AND transfer_id = ? AND holder = ? AND state = ?")) {
                for (DisposalCertification.Item item : certification.items()) {
                    certify.setString(1, RecallItem.State.CERTIFIED.name());
                    certify.setString(2, certification.recallId());
                    certify.setString(3, item.transfer());
                    certify.setString(4, certification.holder());
                    certify.setString(5, RecallItem.State.OPEN.name());
                    if (certify.executeUpdate() != 1) {
                        throw new SQLException("item " + item.transfer() + " of recall " + certification.recallId()
                                + " is no longer an open item of " + certification.holder());
                    }
                    bind(insert, certification, item);
                    insert.executeUpdate();
                }
            }
        };
    }

    private static void bind(PreparedStatement s, DisposalCertification c, DisposalCertification.Item item)
            throws SQLException {
        s.setString(1, c.recallId());
        s.setString(2, item.transfer());
        s.setString(3, c.holder());
        s.setString(4, c.certificateId());
        s.setString(5, item.disposition().name());
        s.setString(6, item.method());
        s.setString(7, item.date().toString());
        s.setString(8, c.certifiedBy().name());
        s.setString(9, c.certifiedBy().title());
        s.setString(10, c.certificateSha256());
        s.setLong(11, c.recordedAt().toEpochMilli());
    }

    /**
     * The certificate recorded with this SHA-256 (of the signed file), if any: the same file again
     * is a replay, or the certificate a stopped run recorded and did not finish.
     */
    public Optional<DisposalCertification> bySha256(String certificateSha256) {
        return select(" WHERE c.certificate_sha256 = ?", certificateSha256).stream().findFirst();
    }

    /** Every certificate recorded for the recall, by the time it was recorded. */
    public List<DisposalCertification> ofRecall(String recallId) {
        return select(" WHERE c.recall_id = ?", recallId);
    }

    private List<DisposalCertification> select(String where, String parameter) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM disposal_certification c"
                     + " JOIN recall r ON r.recall_id = c.recall_id" + where
                     + " ORDER BY c.recorded_at, c.certificate_id, c.transfer_id")) {
            s.setString(1, parameter);
            Map<String, List<DisposalCertification.Item>> items = new LinkedHashMap<>();
            Map<String, DisposalCertification> certificates = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String id = r.getString(1);
                    certificates.putIfAbsent(id, new DisposalCertification(id, r.getString(2), r.getString(3),
                            r.getString(4), List.of(), new DisposalCertification.Person(r.getString(9),
                            r.getString(10)), r.getString(11), Instant.ofEpochMilli(r.getLong(12))));
                    items.computeIfAbsent(id, k -> new ArrayList<>()).add(new DisposalCertification.Item(
                            r.getString(5), DisposalCertification.Disposition.valueOf(r.getString(6)
                            .toUpperCase(Locale.ROOT)), r.getString(7), LocalDate.parse(r.getString(8))));
                }
            }
            List<DisposalCertification> found = new ArrayList<>();
            certificates.forEach((id, c0) -> found.add(new DisposalCertification(id, c0.recallId(), c0.holder(),
                    c0.issuer(), items.get(id), c0.certifiedBy(), c0.certificateSha256(), c0.recordedAt())));
            return found;
        } catch (SQLException e) {
            throw new SafegateException(ErrorCode.STORE_FAILURE, "cannot read certificates of disposal: "
                    + e.getMessage(), e);
        }
    }
}
