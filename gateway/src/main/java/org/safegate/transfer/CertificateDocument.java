package org.safegate.transfer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.safegate.recall.DisposalCertification;

/**
 * The JSON inside a certificate of disposal, read strictly: {@code recall}, {@code items} (each
 * {@code transfer}, {@code disposition} {@code destroyed} or {@code returned}, {@code method},
 * {@code date} as an ISO day) and {@code certifiedBy} ({@code name}, {@code title}), nothing else,
 * no member twice. Every problem is a {@code CERTIFICATE_MALFORMED} refusal naming the member
 * ({@code items[1].disposition}).
 */
record CertificateDocument(String recall, List<DisposalCertification.Item> items,
                           DisposalCertification.Person certifiedBy) {
    /** Enough for thousands of items; a certificate is a short document, read whole. */
    static final long MAX_BYTES = 1024 * 1024;
    private static final int MAX_ITEMS = 10_000;
    private static final int LONGEST_METHOD = 500;
    private static final int LONGEST_NAME = 200;

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /** Thrown inside the reading; turned into the refusal by {@link #read}. */
    private static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    CertificateDocument {
        items = List.copyOf(items);
    }

    /** The certificate, or the refusal naming what is wrong with it. */
    static Either<Refusal, CertificateDocument> read(byte[] json) {
        try {
            JsonNode root;
            try {
                root = STRICT.readTree(json);
            } catch (JacksonException e) {
                throw new Malformed("the certificate is not JSON: " + e.getOriginalMessage());
            }
            return Either.right(document(root));
        } catch (Malformed e) {
            return Either.left(new Refusal(RefusalCode.CERTIFICATE_MALFORMED, e.getMessage()));
        } catch (IOException e) {
            return Either.left(new Refusal(RefusalCode.CERTIFICATE_MALFORMED, "the certificate cannot be read: "
                    + e.getMessage()));
        }
    }

    private static CertificateDocument document(JsonNode root) throws Malformed {
        if (root == null || !root.isObject()) {
            throw new Malformed("the certificate is not a JSON object");
        }
        members(root, "", "recall", "items", "certifiedBy");
        String recall = text(root, "", "recall", 100);
        JsonNode listed = root.get("items");
        if (!listed.isArray() || listed.isEmpty()) {
            throw new Malformed("member 'items' must be a list of at least one item");
        }
        if (listed.size() > MAX_ITEMS) {
            throw new Malformed("member 'items' lists " + listed.size() + " items; at most " + MAX_ITEMS);
        }
        List<DisposalCertification.Item> items = new ArrayList<>();
        Set<String> transfers = new HashSet<>();
        for (int i = 0; i < listed.size(); i++) {
            DisposalCertification.Item item = item(listed.get(i), "items[" + i + "].");
            if (!transfers.add(item.transfer())) {
                throw new Malformed("member 'items[" + i + "].transfer': transfer " + item.transfer()
                        + " is listed twice");
            }
            items.add(item);
        }
        JsonNode by = root.get("certifiedBy");
        members(by, "certifiedBy.", "name", "title");
        return new CertificateDocument(recall, items, new DisposalCertification.Person(
                text(by, "certifiedBy.", "name", LONGEST_NAME), text(by, "certifiedBy.", "title", LONGEST_NAME)));
    }

    private static DisposalCertification.Item item(JsonNode node, String prefix) throws Malformed {
        members(node, prefix, "transfer", "disposition", "method", "date");
        String transfer = text(node, prefix, "transfer", 100);
        String disposition = text(node, prefix, "disposition", 20);
        DisposalCertification.Disposition kind;
        try {
            kind = DisposalCertification.Disposition.valueOf(disposition.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        if (kind == null || !kind.key().equals(disposition)) {
            throw new Malformed("member '" + prefix + "disposition': '" + disposition
                    + "' is neither destroyed nor returned");
        }
        String method = text(node, prefix, "method", LONGEST_METHOD);
        String date = text(node, prefix, "date", 10);
        try {
            return new DisposalCertification.Item(transfer, kind, method, LocalDate.parse(date));
        } catch (DateTimeParseException e) {
            throw new Malformed("member '" + prefix + "date': '" + date + "' is not a day YYYY-MM-DD");
        }
    }

    /** The object has every one of {@code names} and nothing else. */
    private static void members(JsonNode node, String prefix, String... names) throws Malformed {
        String where = prefix.isEmpty() ? "the certificate" : "member '" + prefix.substring(0, prefix.length() - 1) + "'";
        if (node == null || !node.isObject()) {
            throw new Malformed(where + " must be a JSON object with " + String.join(", ", names));
        }
        List<String> known = List.of(names);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw new Malformed("unknown member '" + prefix + FileNames.printable(name) + "' (" + where
                        + " has " + String.join(", ", names) + ")");
            }
        }
        for (String name : names) {
            if (!node.has(name) || node.get(name).isNull()) {
                throw new Malformed("member '" + prefix + name + "' is missing");
            }
        }
    }

    /** A member's text: a string, not blank, within {@code longest} characters, with no control character. */
    private static String text(JsonNode node, String prefix, String name, int longest) throws Malformed {
        JsonNode value = node.get(name);
        String member = "member '" + prefix + name + "'";
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw new Malformed(member + " must be a text, not " + (value.isTextual() ? "blank" : value.getNodeType()
                    .name().toLowerCase(Locale.ROOT)));
        }
        String text = value.textValue().strip();
        if (text.length() > longest) {
            throw new Malformed(member + " is longer than " + longest + " characters");
        }
        // the texts go into audit events and receipts, where a line break or a hidden character could mislead
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x202e)) {
            throw new Malformed(member + " contains a control character");
        }
        return text;
    }
}
