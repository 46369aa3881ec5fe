package org.safegate.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses one event line of a JSON Lines export into an {@link AuditEvent}, with a streaming parser:
 * verifying an export of millions of events is mostly parsing. Unknown members are ignored (the
 * hash is recomputed from the known ones, so an added member changes nothing verified).
 */
final class EventLineParser {
    private final JsonFactory factory = new JsonFactory();

    AuditEvent parse(String line) throws IOException {
        try (JsonParser p = factory.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            long seq = 0;
            Long size = null;
            Long records = null;
            List<String> reasons = new ArrayList<>();
            String[] text = new String[TEXT.length];
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "seq" -> seq = p.getLongValue();
                    case "size" -> size = value == JsonToken.VALUE_NULL ? null : p.getLongValue();
                    case "records" -> records = value == JsonToken.VALUE_NULL ? null : p.getLongValue();
                    case "reasons" -> {
                        while (p.nextToken() == JsonToken.VALUE_STRING) {
                            reasons.add(p.getText());
                        }
                    }
                    default -> {
                        int index = index(name);
                        if (index >= 0) {
                            text[index] = value == JsonToken.VALUE_NULL ? null : p.getText();
                        } else {
                            p.skipChildren();
                        }
                    }
                }
            }
            AuditEntry entry = new AuditEntry(AuditEventType.valueOf(require(text, TYPE)), text[1], text[2], text[3],
                    Outcome.valueOf(require(text, OUTCOME)), text[5], text[6], text[7], text[8], text[9], text[10],
                    text[11], size, records, text[12], reasons, text[13], text[14]);
            return new AuditEvent(seq, Instant.parse(require(text, TIME)), entry, require(text, PREV),
                    require(text, HASH));
        }
    }

    private static final String[] TEXT = {"type", "actor", "origin", "object", "outcome", "transfer", "provider",
        "recipient", "agreement", "authority", "category", "payloadDigest", "decision", "parent", "change", "time",
        "prev", "hash"};
    private static final int TYPE = 0;
    private static final int OUTCOME = 4;
    private static final int TIME = 15;
    private static final int PREV = 16;
    private static final int HASH = 17;

    private static int index(String name) {
        for (int i = 0; i < TEXT.length; i++) {
            if (TEXT[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String require(String[] text, int index) throws IOException {
        if (text[index] == null) {
            throw new IOException("missing " + TEXT[index]);
        }
        return text[index];
    }
}
