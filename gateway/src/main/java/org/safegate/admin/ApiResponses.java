package org.safegate.admin;

import java.util.List;
import java.util.Optional;

/**
 * What an operation answers when it succeeds, for the OpenAPI document: a JSON body of a component
 * schema ({@link ApiSchemas}), or text or files of the content types named; and, for an operation
 * that can meet one, what a 409 means.
 *
 * @param schema       the component schema of the JSON body; empty for text and files
 * @param contentTypes the content types of a text or file answer
 * @param conflict     when a 409 can happen, why; empty otherwise
 * @param status       the status of success: 200, or 201 for an operation that creates something
 */
public record ApiResponses(Optional<String> schema, List<String> contentTypes, Optional<String> conflict,
                           int status) {
    public ApiResponses {
        contentTypes = List.copyOf(contentTypes);
    }

    static ApiResponses json(String schema) {
        return new ApiResponses(Optional.of(schema), List.of(ApiResponse.JSON), Optional.empty(), 200);
    }

    /** A JSON body of the schema, answered with 201: the operation created what it describes. */
    static ApiResponses created(String schema) {
        return new ApiResponses(Optional.of(schema), List.of(ApiResponse.JSON), Optional.empty(), 201);
    }

    static ApiResponses text(String... contentTypes) {
        return new ApiResponses(Optional.empty(), List.of(contentTypes), Optional.empty(), 200);
    }

    /** The same, with a 409 for the reason given. */
    ApiResponses orConflict(String why) {
        return new ApiResponses(schema, contentTypes, Optional.of(why), status);
    }
}
