package org.safegate.config;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Every {@code safegate.*} key the gateway reads, in one list: a key in a configuration file that
 * is not here is a mistake (a typo reads as the default without a word), so {@link Settings}
 * refuses it and names the nearest key here. A new setting is one line in {@link #ALL}, and a row
 * in docs/configuration.md.
 */
public final class SettingKeys {
    /** The registry. Keep it sorted by area; retired keys stay while the documents say they are accepted. */
    public static final List<String> ALL = List.of(
            "safegate.policies",
            "safegate.keys",
            "safegate.data",
            "safegate.db.url",
            "safegate.db.user",
            "safegate.db.password",
            "safegate.max-file-bytes",
            "safegate.outbox.lanes",
            "safegate.crl.not-required",
            "safegate.requests.allowed-statutes",
            "safegate.requests.quarantine-share",
            "safegate.log.format",
            NodeSettings.ID,
            NodeSettings.HEARTBEAT,
            "safegate.warnings.within-days",
            "safegate.audit.origin",
            "safegate.audit.inbox-checkpoint-minutes",
            "safegate.audit.retention-years",
            "safegate.audit.signer",
            "safegate.audit.transit-mount",
            "safegate.audit.checkpoint-events", // no longer used; still accepted
            "safegate.audit.checkpoint-seconds", // no longer used; still accepted
            "safegate.vault.addr",
            "safegate.vault.namespace",
            "safegate.vault.auth",
            "safegate.vault.token",
            "safegate.vault.approle.mount",
            "safegate.vault.approle.role-id",
            "safegate.vault.approle.secret-id",
            "safegate.vault.ca",
            "safegate.vault.timeout-seconds",
            ApiSettings.HOST,
            ApiSettings.PORT,
            ApiSettings.TLS_CERT,
            ApiSettings.TLS_KEY,
            ApiSettings.MAX_BODY,
            ApiSettings.MAX_FAILURES,
            ApiSettings.MAX_ADDRESS_FAILURES,
            ApiSettings.LOCKOUT,
            ApiSettings.MAX_LOCKOUT,
            ApiSettings.CONCURRENT_CHECKS,
            ApiSettings.TOKEN_LIFETIME,
            RecallSettings.DEFAULT_DUE);

    private static final Set<String> KNOWN = Set.copyOf(ALL);
    private static final String PREFIX = "safegate.";

    private SettingKeys() {
    }

    /** Whether a configuration file may hold this key: a known Safegate key, or anyone else's (camel.*). */
    static boolean accepted(String key) {
        return !key.startsWith(PREFIX) || KNOWN.contains(key);
    }

    /** The known key closest to {@code key} in edit distance (the first in {@link #ALL} on a tie). */
    static String nearest(String key) {
        return ALL.stream().min(Comparator.comparingInt(known -> distance(key, known))).orElseThrow();
    }

    /** Levenshtein distance: insertions, deletions and substitutions, one each. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
