package org.safegate.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

/**
 * The case of the IRS, DOJ and ICE as a policy set whose dates are written relative to a given day,
 * so that on that day it tells the story the shipped {@code policies/} told in December 2026: DOJ is
 * current; ICE's review is more than three years old, its CAP was last touched more than six months
 * ago and its items have no implementation dates; every agreement is in force.
 *
 * <p>The shipped {@code policies/} keep the case's real dates as a historical record; the demo and
 * the tests of the built gateway, which run on the wall clock, use this set instead.
 */
public final class CasePolicies {
    private final LocalDate today;

    private CasePolicies(LocalDate today) {
        this.today = today;
    }

    /** Writes {@code agencies/}, {@code agreements/} and {@code safeguards/} under {@code folder}. */
    public static void write(Path folder, LocalDate today) throws IOException {
        new CasePolicies(today).writeTo(folder);
    }

    private void writeTo(Path folder) throws IOException {
        for (String id : List.of("IRS", "DOJ", "ICE")) {
            write(folder.resolve("agencies"), id.toLowerCase(java.util.Locale.ROOT), agency(id));
        }
        write(folder.resolve("agreements"), "irs-doj-2024", agreement("IRS-DOJ-2024", "IRS", "DOJ",
                "26 U.S.C. 6103(i)(1)", "Non-tax federal criminal proceedings under ex parte court order",
                "[return-information, last-known-address]", today.minusMonths(35), today.plusMonths(25), "[ICE]",
                "IRS -> DOJ: FTI for non-tax criminal proceedings. DOJ may pass it on to ICE under DOJ-ICE-2024."));
        write(folder.resolve("agreements"), "doj-ice-2024", agreement("DOJ-ICE-2024", "DOJ", "ICE",
                "26 U.S.C. 6103(i)(1)(C)", "Joint non-tax criminal investigations", "[last-known-address]",
                today.minusMonths(33), today.plusMonths(3), "[]",
                "DOJ -> ICE: onward disclosure of information DOJ received, for joint investigations."));
        write(folder.resolve("agreements"), "irs-ice-2025", agreement("IRS-ICE-2025", "IRS", "ICE",
                "26 U.S.C. 6103(i)(2)", "Non-tax criminal investigation, 8 U.S.C. 1253(a)(1)", "[last-known-address]",
                today.minusMonths(20), today.plusMonths(16), "[]",
                "IRS -> ICE: the memorandum of understanding (last-known addresses).")
                + "request-rules: irc-6103-i-2\n"
                + "request-statutes: [\"8 U.S.C. 1253(a)(1)\"]\n");
        write(folder.resolve("safeguards"), "doj", dojSafeguards());
        write(folder.resolve("safeguards"), "ice", iceSafeguards());
    }

    private String agency(String id) {
        String name = switch (id) {
            case "IRS" -> "Internal Revenue Service";
            case "DOJ" -> "U.S. Department of Justice";
            default -> "U.S. Immigration and Customs Enforcement";
        };
        return lines("# " + id + ": " + name,
                "id: " + id,
                "name: " + name,
                "certificate: keys-example/agencies/" + id + "/encrypt.crt",
                "signing-certificate: keys-example/agencies/" + id + "/sign.crt",
                "endpoints:",
                "  outbox: { type: file, path: work/" + id + "/outbox }",
                "  inbox:  { type: file, path: work/" + id + "/inbox }");
    }

    private String agreement(String id, String provider, String recipient, String authority, String purpose,
                             String categories, LocalDate effective, LocalDate expires, String redisclosure,
                             String about) {
        return lines(header(about),
                "id: " + id,
                "provider: " + provider,
                "recipient: " + recipient,
                "authority: \"" + authority + "\"",
                "purpose: \"" + purpose + "\"",
                "categories: " + categories,
                "effective: " + effective,
                "expires: " + expires,
                "redisclosure: " + redisclosure);
    }

    /** DOJ: reviewed a year and a half ago, its one finding closed, its SSRs filed on time. */
    private String dojSafeguards() {
        LocalDate review = today.minusMonths(18);
        return lines(header("DOJ: reviewed " + review + "; its one finding is closed; its SSRs were filed on time."),
                "agency: DOJ",
                "review:   { id: SR-" + review.getYear() + "-DOJ, completed: " + review + " }",
                ssrs(MonthDay.of(1, 28)),
                "findings:",
                "  - { id: F-01, severity: moderate, opened: " + review + ", status: closed, closed: "
                        + review.plusMonths(4) + " }",
                "cap:",
                "  submitted: " + review.plusMonths(1),
                "  items:",
                "    - { finding: F-01, action: \"Encrypt FTI backups at rest\", implementation-date: "
                        + review.plusMonths(3) + " }");
    }

    /** ICE: reviewed three years and three weeks ago, findings open, a CAP without implementation dates. */
    private String iceSafeguards() {
        LocalDate review = today.minusYears(3).minusDays(22);
        return ice("ICE: reviewed " + review + "; findings still open; the CAP lists actions but no implementation "
                + "dates.", review, List.of(), "null");
    }

    /**
     * ICE after a new safeguard review ten days ago and a CAP updated five days ago with an
     * implementation date three months ahead for each open finding: ICE is current again.
     */
    public static String iceUpToDate(LocalDate today) {
        CasePolicies policies = new CasePolicies(today);
        return policies.ice("ICE after a new safeguard review and a CAP with implementation dates (written by the "
                + "demo).", today.minusDays(10), List.of("  updated: " + today.minusDays(5)),
                today.plusMonths(3).toString());
    }

    private String ice(String about, LocalDate review, List<String> capUpdated, String implementationDate) {
        LocalDate opened = today.minusYears(3).minusDays(22);
        List<String> lines = new ArrayList<>(List.of(header(about),
                "agency: ICE",
                "review:   { id: SR-" + review.getYear() + "-ICE, completed: " + review + " }",
                ssrs(MonthDay.of(1, 29)),
                "findings:",
                "  - { id: F-01, severity: significant, opened: " + opened + ", status: open }",
                "  - { id: F-02, severity: significant, opened: " + opened + ", status: open }",
                "cap:",
                "  submitted: " + today.minusMonths(17)));
        lines.addAll(capUpdated);
        lines.addAll(List.of("  items:",
                "    - { finding: F-01, action: \"Restrict FTI access to named investigators\", "
                        + "implementation-date: " + implementationDate + " }",
                "    - { finding: F-02, action: \"Log every access to FTI and review the logs weekly\", "
                        + "implementation-date: " + implementationDate + " }"));
        return lines(lines.toArray(String[]::new));
    }

    /** The two latest yearly SSRs already filed by today, each in the January after its year. */
    private String ssrs(MonthDay filedOn) {
        int latest = filedOn.atYear(today.getYear()).isAfter(today) ? today.getYear() - 2 : today.getYear() - 1;
        List<String> entries = new ArrayList<>(List.of("ssr:"));
        for (int year = latest - 1; year <= latest; year++) {
            entries.add("  - { year: " + year + ", submitted: " + filedOn.atYear(year + 1) + " }");
        }
        return String.join("\n", entries);
    }

    private String header(String about) {
        return "# " + about + "\n# Dates written relative to " + today + " (the case as it stood in December 2026).";
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private static void write(Path folder, String name, String yaml) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(name + ".yaml"), yaml, StandardCharsets.UTF_8);
    }
}
