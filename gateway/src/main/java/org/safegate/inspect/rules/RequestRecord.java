package org.safegate.inspect.rules;

import java.util.Objects;
import org.safegate.inspect.read.Columns;
import org.safegate.inspect.read.RawRecord;

/**
 * The contract fields of one request record (26 U.S.C. 6103(i)(2)(B)): who and where the taxpayer
 * is, which periods, under which authority, why, and who asks. Values are never null.
 *
 * @param line the 1-based line of the file where the record starts
 */
public record RequestRecord(long line, String requestId, String name, String street, String city, String state,
                            String zip, String taxablePeriods, String statute, String reason,
                            String requestingOfficial) {
    public RequestRecord {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(street, "street");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(zip, "zip");
        Objects.requireNonNull(taxablePeriods, "taxablePeriods");
        Objects.requireNonNull(statute, "statute");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestingOfficial, "requestingOfficial");
    }

    /** The contract fields of a raw record; a column the record lacks reads as empty. */
    public static RequestRecord of(RawRecord raw) {
        return new RequestRecord(raw.line(), raw.value("request_id"), raw.value("name"), raw.value("street"),
                raw.value("city"), raw.value("state"), raw.value("zip"), raw.value("taxable_periods"),
                raw.value("statute"), raw.value("reason"), raw.value("requesting_official"));
    }

    /** A record from values in the order of {@link Columns#REQUEST_CONTRACT}. */
    public static RequestRecord of(long line, String[] v) {
        return new RequestRecord(line, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
    }

    /** The values in the order of {@link Columns#REQUEST_CONTRACT}. */
    public String[] contractValues() {
        return new String[] {requestId, name, street, city, state, zip, taxablePeriods, statute, reason,
            requestingOfficial};
    }
}
