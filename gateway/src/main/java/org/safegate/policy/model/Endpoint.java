package org.safegate.policy.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the gateway picks files up from or delivers them to.
 *
 * @param credentials a reference to the login secret (SFTP); never the secret itself
 */
public record Endpoint(
        EndpointType type,
        String path,
        Optional<String> host,
        Optional<Integer> port,
        Optional<String> user,
        Optional<Reference> credentials) {

    public Endpoint {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(credentials, "credentials");
    }

    public static Endpoint directory(String path) {
        return new Endpoint(EndpointType.FILE, path, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
