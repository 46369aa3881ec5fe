package org.safegate.files;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one configuration of JSON for the documents the gateway writes and reads back (reason
 * files, receipts): records mapped field by field, indented for the people who read them, and
 * fields a later version adds ignored when an earlier one reads the file.
 */
public final class JsonDocuments {
    /** Thread-safe once configured; shared. */
    public static final ObjectMapper MAPPER = base().build();

    private JsonDocuments() {
    }

    /** The configuration of {@link #MAPPER}, for a mapper that needs a little more on top of it (the admin API's). */
    public static JsonMapper.Builder base() {
        return JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
