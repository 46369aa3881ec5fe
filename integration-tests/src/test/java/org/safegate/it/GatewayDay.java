package org.safegate.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.safegate.demo.CasePolicies;
import org.safegate.testing.TestFiles;

/**
 * The built gateway runs as a process on the wall clock, so the policies these tests give it are
 * dated relative to the wall clock's day (the shipped policies/ keep the case's real dates).
 */
final class GatewayDay {
    private GatewayDay() {
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The case's agencies, agreements and safeguards dated relative to today, and the shipped operators. */
    static void writeCasePolicies(Path policies) throws IOException {
        CasePolicies.write(policies, today());
        TestFiles.copyTree(TestFiles.repositoryRoot().resolve("policies/operators"), policies.resolve("operators"));
    }

    /** ICE after a new review and a CAP with implementation dates: current today. */
    static void makeIceCurrent(Path policies) throws IOException {
        Files.writeString(policies.resolve("safeguards/ice.yaml"), CasePolicies.iceUpToDate(today()),
                StandardCharsets.UTF_8);
    }
}
