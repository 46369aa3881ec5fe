package org.safegate.policy.load;

import java.util.Arrays;
import java.util.Optional;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.Endpoint;
import org.safegate.policy.model.EndpointType;
import org.safegate.policy.model.Reference;

/** Reads {@code agencies/<id>.yaml}. */
final class AgencyParser {

    Optional<Agency> parse(MappingReader in) {
        String id = in.string("id");
        String name = in.string("name");
        String certificate = in.string("certificate");
        Optional<String> signing = in.optionalString("signing-certificate");
        Endpoint outbox = null;
        Endpoint inbox = null;
        Optional<MappingReader> endpoints = in.mapping("endpoints", true);
        if (endpoints.isPresent()) {
            outbox = endpoints.get().mapping("outbox", true).map(this::endpoint).orElse(null);
            inbox = endpoints.get().mapping("inbox", true).map(this::endpoint).orElse(null);
            endpoints.get().rejectUnknownKeys();
        }
        in.rejectUnknownKeys();
        if (id == null || name == null || certificate == null || outbox == null || inbox == null) {
            return Optional.empty();
        }
        return Optional.of(new Agency(id, name, new Reference(certificate), signing.map(Reference::new),
                outbox, inbox, in.source()));
    }

    private Endpoint endpoint(MappingReader in) {
        String typeKey = in.string("type");
        String path = in.string("path");
        Optional<String> host = in.optionalString("host");
        Optional<Integer> port = in.optionalInteger("port");
        Optional<String> user = in.optionalString("user");
        Optional<String> credentials = in.optionalString("credentials");
        in.rejectUnknownKeys();
        if (typeKey == null || path == null) {
            return null;
        }
        Optional<EndpointType> type = Arrays.stream(EndpointType.values())
                .filter(t -> t.key().equals(typeKey)).findFirst();
        if (type.isEmpty()) {
            in.problem(in.lineOf("type"), "type", ProblemCode.INVALID_VALUE,
                    "'" + typeKey + "' is not an endpoint type; use file or sftp");
            return null;
        }
        if (type.get() == EndpointType.SFTP && (host.isEmpty() || user.isEmpty())) {
            in.problem(in.line(), "host", ProblemCode.MISSING_FIELD, "an sftp endpoint needs host and user");
            return null;
        }
        if (port.isPresent() && (port.get() < 1 || port.get() > 65535)) {
            in.problem(in.lineOf("port"), "port", ProblemCode.INVALID_VALUE,
                    port.get() + " is not a TCP port (1-65535)");
            return null;
        }
        if (credentials.isPresent() && !credentials.get().startsWith("vault:") && !credentials.get().startsWith("env:")
                && !credentials.get().startsWith("file:")) {
            in.problem(in.lineOf("credentials"), "credentials", ProblemCode.PLAINTEXT_PASSWORD,
                    "must be a reference (vault:<path>, env:<NAME> or file:<path>), never the secret itself");
            return null;
        }
        return new Endpoint(type.get(), path, host, port, user, credentials.map(Reference::new));
    }
}
