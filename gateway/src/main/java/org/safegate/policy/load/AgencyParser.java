package org.safegate.policy.load;

import java.util.Optional;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.Endpoint;
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
        return new EndpointParser().parse(in);
    }
}
