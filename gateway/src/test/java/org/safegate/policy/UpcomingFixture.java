package org.safegate.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.safegate.policy.load.PolicyLoader;
import org.safegate.policy.model.PolicySet;

/**
 * A policy folder whose dates are counted from {@link #FROM}, the day of {@link #clock()}: ICE's
 * review is 2 years 11 months old, its SSR for last year is due in 20 days, a CAP item is due in 40
 * days, its certificate expires in 10 days and the agreement IRS -> ICE ends in 90 days. IRS is a
 * provider only, with a certificate good for another 400 days. The day is in January because an
 * SSR falls due on January 31 of each year.
 */
public final class UpcomingFixture {
    public static final Instant NOW = Instant.parse("2027-01-11T09:00:00Z");
    public static final LocalDate FROM = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

    private UpcomingFixture() {
    }

    public static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    /** Writes the folder {@code dir/policies} (certificates under {@code dir/certs}) and returns it. */
    public static Path write(Path dir) {
        try {
            Path certs = dir.resolve("certs");
            TestCertificates.write(certs.resolve("ice.crt"), "ICE", FROM.minusYears(1), FROM.plusDays(10));
            TestCertificates.write(certs.resolve("irs.crt"), "IRS", FROM.minusYears(1), FROM.plusDays(400));
            Path policies = dir.resolve("policies");
            agency(policies, "IRS", certs.resolve("irs.crt"), dir);
            agency(policies, "ICE", certs.resolve("ice.crt"), dir);
            Files.createDirectories(policies.resolve("agreements"));
            Files.writeString(policies.resolve("agreements/irs-ice.yaml"), String.join("\n",
                    "id: IRS-ICE", "provider: IRS", "recipient: ICE", "authority: \"26 U.S.C. 6103(i)(2)\"",
                    "purpose: \"test\"", "categories: [last-known-address]",
                    "effective: " + FROM.minusYears(1), "expires: " + FROM.plusDays(90), "redisclosure: []", ""));
            Files.createDirectories(policies.resolve("safeguards"));
            Files.writeString(policies.resolve("safeguards/ice.yaml"), String.join("\n",
                    "agency: ICE",
                    "review: { id: SR-ICE, completed: " + FROM.minusYears(2).minusMonths(11) + " }",
                    "ssr: { year: " + (FROM.getYear() - 2) + ", submitted: " + FROM.minusDays(350) + " }",
                    "findings:",
                    "  - { id: F-01, severity: moderate, opened: " + FROM.minusDays(100) + ", status: open }",
                    "cap:",
                    "  submitted: " + FROM.minusDays(90),
                    "  updated: " + FROM.minusDays(10),
                    "  items:",
                    "    - { finding: F-01, action: \"Restrict access\", implementation-date: " + FROM.plusDays(40) + " }",
                    ""));
            return policies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder written by {@link #write}, loaded. */
    public static PolicySet load(Path dir) {
        return new PolicyLoader(dir).load(write(dir)).require();
    }

    private static void agency(Path policies, String id, Path certificate, Path dir) throws IOException {
        Files.createDirectories(policies.resolve("agencies"));
        Files.writeString(policies.resolve("agencies/" + id.toLowerCase() + ".yaml"), String.join("\n",
                "id: " + id, "name: " + id, "certificate: " + certificate,
                "endpoints:",
                "  outbox: { type: file, path: " + dir.resolve("work/" + id + "/outbox") + " }",
                "  inbox:  { type: file, path: " + dir.resolve("work/" + id + "/inbox") + " }", ""));
    }
}
