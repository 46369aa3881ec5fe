package org.safegate.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

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
        String name = write(new LocalFolder(senderInbox), receipt);
        return senderInbox.resolve("receipts").resolve(receipt.agreement()).resolve(name);
    }

    /** Writes both files into the inbox, wherever it is; returns the receipt's file name. */
    public String write(InboxFolder senderInbox, Receipt receipt) throws IOException {
        InboxFolder folder = senderInbox.child("receipts").child(receipt.agreement());
        // a refused name is not safe to reuse in a file name; the transfer id identifies it instead
        String stem = FileNames.problem(receipt.name()).isEmpty() ? receipt.name() : "transfer-" + receipt.transfer();
        String receiptStem = stem + "." + receipt.outcome().key();
        Earlier earlier = earlier(folder, receiptStem, receipt.transfer());
        String written;
        byte[] json;
        if (earlier == null) {
            json = JSON.writeValueAsBytes(toJson(receipt));
            written = folder.publish(receiptStem, ".json", receipt.transfer() + "-receipt", out -> out.write(json));
        } else {
            written = earlier.name();
            json = earlier.content();
            // a run killed after publishing the receipt, before it removed its temporary copy
            folder.removeTemp(receipt.transfer() + "-receipt");
        }
        if (!folder.exists(written + ".p7s")) {
            byte[] signature = signer.sign(json);
            folder.publish(written, ".p7s", receipt.transfer() + "-signature", out -> out.write(signature));
        } else {
            folder.removeTemp(receipt.transfer() + "-signature");
        }
        return written;
    }

    private record Earlier(String name, byte[] content) {
    }

    /** The receipt already written for this transfer under {@code stem[.N].json}, or null. */
    private static Earlier earlier(InboxFolder folder, String stem, String transfer) throws IOException {
        for (int counter = 1; ; counter++) {
            String candidate = counter == 1 ? stem + ".json" : stem + "." + counter + ".json";
            Optional<byte[]> content = folder.read(candidate);
            if (content.isEmpty()) {
                return null;
            }
            if (transfer.equals(JSON.readTree(content.get()).path("transfer").asText())) {
                return new Earlier(candidate, content.get());
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
