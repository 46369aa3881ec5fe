package org.safegate.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safegate.app.Gateway;
import org.safegate.crypto.CertificateVerifier;
import org.safegate.crypto.Opener;
import org.safegate.crypto.Sealer;
import org.safegate.keys.InsecureExampleKeyStore;
import org.safegate.recall.Recall;
import org.safegate.recall.RecallIssuer;
import org.safegate.recall.RecallResolution;
import org.safegate.recall.RecallScope;

/**
 * The recall part of the demo: the IRS recalls what it sent DOJ (and DOJ passed on to ICE), each
 * holder opens its notice, and DOJ certifies destruction with a certificate signed by its own key,
 * as a holder would with {@code openssl cms -sign -nodetach -binary -outform DER}.
 */
final class DemoRecall {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DemoWorkspace ws;
    private final Clock clock;
    private final InsecureExampleKeyStore keys;

    DemoRecall(DemoWorkspace ws, Clock clock) {
        this.ws = ws;
        this.clock = clock;
        this.keys = new InsecureExampleKeyStore(ws.root.resolve("keys-example"));
    }

    /** A security officer's recall of one transfer and its downstream, due at the start of tomorrow (UTC). */
    Recall issue(Gateway gateway, String transfer) {
        LocalDate tomorrow = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
        RecallIssuer issuer = new RecallIssuer(RecallResolution.over(gateway.database()), gateway.auditLog(), clock,
                Period.ofDays(30));
        return issuer.issue(new RecallIssuer.Request(RecallScope.ofTransfers(List.of(transfer)),
                "addresses shared on requests that did not meet the statute",
                "Destroy the taxpayer addresses of this file and every copy, and certify it by tomorrow.",
                Optional.of(tomorrow.toString())), "demo:security-officer", "safegate demo");
    }

    /** The holder's notice in its inbox, opened with its key: empty when it is not there. */
    Optional<JsonNode> notice(String holder, Recall recall) throws IOException {
        Path sealed = ws.inbox(holder).resolve("recalls").resolve(recall.id() + ".json.p7m");
        if (!Files.isRegularFile(sealed)) {
            return Optional.empty();
        }
        Path plain = ws.root.resolve(holder.toLowerCase(java.util.Locale.ROOT) + "-notice.json");
        new Opener(keys.agencyEncryption(holder), new CertificateVerifier(keys.trust()), clock).open(sealed, plain);
        return Optional.of(JSON.readTree(plain.toFile()));
    }

    /** The holder's certificate that it destroyed all its items of the recall, signed with its signing key. */
    byte[] certificate(String holder, Recall recall) throws IOException {
        List<Map<String, String>> items = recall.items().stream().filter(i -> i.holder().equals(holder))
                .map(i -> Map.of("transfer", i.transfer(), "disposition", "destroyed",
                        "method", "NIST SP 800-88 purge",
                        "date", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString()))
                .toList();
        byte[] json = JSON.writeValueAsBytes(Map.of("recall", recall.id(), "items", items,
                "certifiedBy", Map.of("name", "Dana Reyes", "title", "Records Officer, " + holder)));
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        new Sealer(keys.agencySigning(holder), clock).sign(new ByteArrayInputStream(json), signed);
        return signed.toByteArray();
    }
}
