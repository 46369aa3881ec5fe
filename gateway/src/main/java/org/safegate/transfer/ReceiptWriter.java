package org.safegate.transfer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.safegate.files.JsonDocuments;

/**
 * Writes a receipt into the sender's inbox as {@code receipts/<agreement>/<name>.<outcome>.json}
 * with the gateway's detached signature beside it ({@code .json.p7s}), so the sender can prove
 * what the gateway said about its file.
 */
public final class ReceiptWriter {
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
            json = JsonDocuments.MAPPER.writeValueAsBytes(receipt.document());
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
            if (transfer.equals(JsonDocuments.MAPPER.readValue(content.get(), Receipt.Document.class).transfer())) {
                return new Earlier(candidate, content.get());
            }
        }
    }
}
