package org.safegate.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a receipt into the sender's inbox as {@code receipts/<agreement>/<name>.<outcome>.json}
 * with the gateway's detached signature beside it ({@code .json.p7s}), so the sender can prove
 * what the gateway said about its file.
 */
public final class ReceiptWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final DetachedSigner signer;

    public ReceiptWriter(DetachedSigner signer) {
        this.signer = signer;
    }

    /**
     * Writes both files and returns the receipt's path. Writing the receipt of a transfer again (a
     * run that stopped after writing it resumes) keeps the one already there, so the sender never
     * gets two receipts for one transfer; a missing signature beside it is added.
     */
    public Path write(Path senderInbox, Receipt receipt) throws IOException {
        Path folder = senderInbox.resolve("receipts").resolve(receipt.agreement());
        // a refused name is not safe to reuse in a file name; the transfer id identifies it instead
        String stem = FileNames.problem(receipt.name()).isEmpty() ? receipt.name() : "transfer-" + receipt.transfer();
        String receiptStem = stem + "." + receipt.outcome().key();
        Path written = earlier(folder, receiptStem, receipt.transfer());
        byte[] json;
        if (written == null) {
            json = JSON.writeValueAsBytes(toJson(receipt));
            written = DurableFiles.publish(folder, receiptStem, ".json", receipt.transfer() + "-receipt",
                    out -> out.write(json));
        } else {
            json = Files.readAllBytes(written);
        }
        String signatureStem = written.getFileName().toString();
        if (!Files.exists(folder.resolve(signatureStem + ".p7s"))) {
            byte[] signature = signer.sign(json);
            DurableFiles.publish(folder, signatureStem, ".p7s", receipt.transfer() + "-signature",
                    out -> out.write(signature));
        }
        return written;
    }

    /** The receipt already written for this transfer under {@code stem[.N].json}, or null. */
    private static Path earlier(Path folder, String stem, String transfer) throws IOException {
        for (int counter = 1; ; counter++) {
            Path candidate = folder.resolve(counter == 1 ? stem + ".json" : stem + "." + counter + ".json");
            if (!Files.isRegularFile(candidate)) {
                return null;
            }
            if (transfer.equals(JSON.readTree(candidate.toFile()).path("transfer").asText())) {
                return candidate;
            }
        }
    }

    static ObjectNode toJson(Receipt receipt) {
        ObjectNode node = JSON.createObjectNode();
        node.put("transfer", receipt.transfer());
        node.put("outcome", receipt.outcome().key());
        node.put("time", receipt.time().toString());
        node.put("sender", receipt.sender());
        node.put("agreement", receipt.agreement());
        node.put("name", FileNames.printable(receipt.name()));
        node.put("payloadSha256", receipt.payloadSha256());
        node.put("size", receipt.size());
        node.put("deliveredAs", receipt.deliveredAs().orElse(null));
        ArrayNode reasons = node.putArray("reasons");
        receipt.reasons().forEach(r -> reasons.addObject().put("code", r.code()).put("message", r.message()));
        return node;
    }
}
