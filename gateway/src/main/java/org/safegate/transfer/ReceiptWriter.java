package org.safegate.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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

    /** Writes both files and returns the receipt's path. */
    public Path write(Path senderInbox, Receipt receipt) throws IOException {
        byte[] json = JSON.writeValueAsBytes(toJson(receipt));
        byte[] signature = signer.sign(json);
        Path folder = senderInbox.resolve("receipts").resolve(receipt.agreement());
        // a refused name is not safe to reuse in a file name; the transfer id identifies it instead
        String stem = FileNames.problem(receipt.name()).isEmpty() ? receipt.name() : "transfer-" + receipt.transfer();
        Path written = DurableFiles.publish(folder, stem + "." + receipt.outcome().key(), ".json",
                receipt.transfer() + "-receipt", out -> out.write(json));
        String signatureStem = written.getFileName().toString();
        DurableFiles.publish(folder, signatureStem, ".p7s", receipt.transfer() + "-signature", out -> out.write(signature));
        return written;
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
