package org.safegate.demo;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/** The demo's request and answer files: plausible, invented people; never real taxpayers. */
final class DemoRequests {
    private static final String[] STREETS = {"MAIN ST", "OAK AVE", "ELM ST", "PARK BLVD", "LAKE DR"};
    private static final String[][] PLACES = {{"SPRINGFIELD", "IL", "62701"}, {"AUSTIN", "TX", "78701"},
        {"DENVER", "CO", "80202"}, {"TAMPA", "FL", "33602"}, {"BOISE", "ID", "83702"}};

    private DemoRequests() {
    }

    /** {@code count} requests; those numbered in {@code deficient} lack a valid address. */
    static byte[] requests(int count, int... deficient) {
        Set<Integer> bad = new java.util.HashSet<>();
        for (int n : deficient) {
            bad.add(n);
        }
        StringBuilder csv = new StringBuilder(
                "request_id,name,street,city,state,zip,taxable_periods,statute,reason,requesting_official\n");
        for (int i = 1; i <= count; i++) {
            String[] place = PLACES[i % PLACES.length];
            String street = bad.contains(i) ? STREETS[i % STREETS.length] : (100 + i) + " " + STREETS[i % STREETS.length];
            String state = bad.contains(i) ? "ZZ" : place[1];
            csv.append(String.format("R-%03d,PERSON %03d SAMPLE,%s,%s,%s,%s,2023;2024,8 U.S.C. 1253(a)(1),"
                            + "\"Subject of criminal investigation HSI-2025-%04d; address needed to serve a warrant\","
                            + "\"Director, U.S. Immigration and Customs Enforcement\"%n",
                    i, i, street, place[0], state, place[2], 4000 + i));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An answer for every request id from 1 to {@code count}. */
    static byte[] answers(int count) {
        StringBuilder csv = new StringBuilder("request_id,last_known_address\n");
        for (int i = 1; i <= count; i++) {
            String[] place = PLACES[(i + 2) % PLACES.length];
            csv.append(String.format("R-%03d,\"%d CEDAR CT, %s, %s %s\"%n", i, 200 + i, place[0], place[1], place[2]));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
