package org.safegate.recall;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A holder's certificate of disposal as recorded: which items of a recall it disposed of, how and
 * when, who certified it, and the certificate itself (its id, as its receipt and archived original
 * name it, and the SHA-256 of the signed file as it arrived).
 *
 * @param certificateId     the certificate's id (its receipt's transfer id, its archive folder)
 * @param recallId          the recall the items belong to
 * @param holder            the agency that certified (the sender of the certificate)
 * @param issuer            the recall's issuer, whose data was disposed of
 * @param items             the items certified, as the certificate lists them
 * @param certifiedBy       the person who certified, as the certificate names them
 * @param certificateSha256 the SHA-256 (hexadecimal) of the signed certificate file
 * @param recordedAt        when the gateway recorded it
 */
public record DisposalCertification(String certificateId, String recallId, String holder, String issuer,
                                    List<Item> items, Person certifiedBy, String certificateSha256,
                                    Instant recordedAt) {
    public DisposalCertification {
        Objects.requireNonNull(certificateId, "certificateId");
        Objects.requireNonNull(recallId, "recallId");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(certifiedBy, "certifiedBy");
        Objects.requireNonNull(certificateSha256, "certificateSha256");
        Objects.requireNonNull(recordedAt, "recordedAt");
        items = List.copyOf(items);
    }

    /** What was done with the data; stored by name (DESTROYED), written in lower case. */
    public enum Disposition {
        DESTROYED, RETURNED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One item certified: the delivery, what was done with it, how, and on which day. */
    public record Item(String transfer, Disposition disposition, String method, LocalDate date) {
        public Item {
            Objects.requireNonNull(transfer, "transfer");
            Objects.requireNonNull(disposition, "disposition");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(date, "date");
        }
    }

    /** The person who certified, as the certificate names them. */
    public record Person(String name, String title) {
        public Person {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(title, "title");
        }
    }
}
