package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditLog;
import org.safegate.keys.KeyProvider;
import org.safegate.store.TransferJournal;

/**
 * Someone who can write to the outbox renames other content over a file's name at every point
 * after the gateway took it: right after the take, at every use of a key (the sender's
 * certificate, the recipient's, the gateway's signing key) and at every audit event (after sealing,
 * before publishing, the receipt and the archive). What is delivered, the digest in the receipt and
 * in the audit event, and what is archived are all what was taken; the swapped-in content is a new
 * file left in the outbox, never delivered under the first one's digest.
 */
class SnapshotSwapTest extends TransferScenarioTest {
    private final List<String> swapped = new CopyOnWriteArrayList<>();

    @Test
    @DisplayName("An unsigned file's name gets new content at every point after it was taken. Result: what was taken is delivered, digested and archived.")
    void contentSwappedInAfterTheTakeIsNeverDeliveredNorDigested() throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);

        assertThat(swappingProcessor(file).process("IRS", outbox("IRS"), file)).isEqualTo(TransferOutcome.DELIVERED);

        assertDeliveredAsTaken("a.csv", ADDRESSES, ADDRESSES);
        assertThat(swapped).contains("taken", "audit.append").anyMatch(point -> point.startsWith("keys."));
        assertThat(file).as("the swapped-in content is a new file, left in the outbox")
                .hasContent("TAMPERED CONTENT " + swapped.size());
    }

    @Test
    @DisplayName("A signed file's name gets unsigned content at every point after it was taken. Result: the signed original is delivered, never the unsigned content.")
    void unsignedContentSwappedInAfterTheSignatureCheckIsNeverDelivered() throws Exception {
        start();
        Path file = SignedInputTransferTest.signWith(workspace.resolve("keys-example/agencies/IRS"),
                drop("IRS", "IRS-DOJ-2024", "a.csv.p7s", ADDRESSES), "sha256");
        byte[] signed = Files.readAllBytes(file);

        assertThat(swappingProcessor(file).process("IRS", outbox("IRS"), file)).isEqualTo(TransferOutcome.DELIVERED);

        // the sender check asks for the sender's certificate: content swapped in there was never checked
        assertThat(swapped).contains("taken", "audit.append").anyMatch(point -> point.startsWith("keys."));
        assertDeliveredAsTaken("a.csv.p7s", signed, ADDRESSES);
    }

    @Test
    @DisplayName("The IRS keeps its file open and writes through it after the checks. Result: held CONTENT_CHANGED, nothing published or logged as delivered.")
    void aFileChangedThroughAnOpenHandleAfterItsChecksIsHeldNotSent() throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        try (FileChannel stillOpen = FileChannel.open(file, StandardOpenOption.WRITE)) {
            // the recipient's certificate is fetched after the digest is taken, just before sealing
            KeyProvider writingKeys = intercept(KeyProvider.class, keys, "keys.", () -> {
                if (swapped.get(swapped.size() - 1).equals("keys.certificate")) {
                    try {
                        stillOpen.write(ByteBuffer.wrap("999999999".getBytes(StandardCharsets.UTF_8)), 17);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            TransferProcessor processor = gateway.processor().intercepted(writingKeys, gateway.auditLog(),
                    new TakenFiles(workspace.resolve("data")));

            assertThat(processor.process("IRS", outbox("IRS"), file)).isEqualTo(TransferOutcome.HELD);
        }

        Path taken = taken("IRS", file);
        assertThat(gateway.processor().held().current().get(taken)).startsWith("CONTENT_CHANGED: ")
                .contains("changed after it was checked");
        assertThat(single(AuditEventType.TRANSFER_HELD).entry().change()).contains("CONTENT_CHANGED");
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).isEmpty();
        assertThat(listAll(inbox("DOJ"))).as("its partial sealed copy went with the hold").isEmpty();
        assertThat(new TransferJournal(gateway.database(), clock).inState(TransferJournal.State.SEALING))
                .as("nothing was audited: the sealing is not in flight any more").isEmpty();
        assertThat(inbox("IRS").resolve("receipts")).doesNotExist();
        assertThat(taken).exists();
    }

    /**
     * The delivered copy opens to what was taken (a signed file's content, its sender's signature
     * verified on the way); receipt, event and archive name the taken content.
     */
    private void assertDeliveredAsTaken(String name, byte[] taken, byte[] signedContent) throws Exception {
        assertThat(openAsDoj(inbox("DOJ").resolve("IRS-DOJ-2024").resolve(name + ".p7m"))).isEqualTo(signedContent);
        JsonNode receipt = receipt("IRS", "IRS-DOJ-2024", name + ".delivered.json");
        String transfer = receipt.get("transfer").asText();
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(signedContent));
        assertThat(receipt.get("payloadSha256").asText()).isEqualTo(digest);
        AuditEntry event = single(AuditEventType.TRANSFER_DELIVERED).entry();
        assertThat(event.transferId()).isEqualTo(transfer);
        assertThat(event.payloadDigest()).isEqualTo("sha256:" + digest);
        assertThat(archived(transfer)).hasBinaryContent(taken);
        assertThat(listAll(workspace.resolve("data/taken"))).isEmpty();
    }

    /** The gateway's processor, renaming new content over {@code file}'s name at each point it waits on something. */
    private TransferProcessor swappingProcessor(Path file) {
        Runnable swap = () -> swapIn(file);
        KeyProvider swappingKeys = intercept(KeyProvider.class, keys, "keys.", swap);
        AuditLog swappingAudit = intercept(AuditLog.class, gateway.auditLog(), "audit.", swap);
        TakenFiles swappingTake = new TakenFiles(workspace.resolve("data"), (from, to) -> {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            swapped.add("taken");
            swapIn(file);
        });
        return gateway.processor().intercepted(swappingKeys, swappingAudit, swappingTake);
    }

    private void swapIn(Path file) {
        try {
            Path other = file.resolveSibling(".other");
            Files.writeString(other, "TAMPERED CONTENT " + swapped.size(), StandardCharsets.UTF_8);
            Files.move(other, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T intercept(Class<T> type, T real, String prefix, Runnable swap) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() != Object.class) {
                swapped.add(prefix + method.getName());
                swap.run();
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
