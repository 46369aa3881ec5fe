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
 */
public record ApiResponses(Optional<String> schema, List<String> contentTypes, Optional<String> conflict) {
    public ApiResponses {
        contentTypes = List.copyOf(contentTypes);
    }

    static ApiResponses json(String schema) {
        return new ApiResponses(Optional.of(schema), List.of(ApiResponse.JSON), Optional.empty());
    }

    static ApiResponses text(String... contentTypes) {
        return new ApiResponses(Optional.empty(), List.of(contentTypes), Optional.empty());
    }

    /** The same, with a 409 for the reason given. */
    ApiResponses orConflict(String why) {
        return new ApiResponses(schema, contentTypes, Optional.of(why));
    }
}
