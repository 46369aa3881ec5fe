package org.safegate.policy.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the gateway picks files up from or delivers them to.
 *
 * @param credentials a reference to the login secret (SFTP); never the secret itself
 * @param hostKey     the SFTP server's pinned host key fingerprint, {@code SHA256:<base64>} as
 *                    {@code ssh-keygen -lf} prints it; a server presenting any other key is refused
 */
public record Endpoint(
        EndpointType type,
        String path,
        Optional<String> host,
        Optional<Integer> port,
        Optional<String> user,
        Optional<Reference> credentials,
        Optional<String> hostKey) {

    /** The SSH port used when an sftp endpoint names none. */
    public static final int DEFAULT_SFTP_PORT = 22;

    public Endpoint {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(hostKey, "hostKey");
    }

    public static Endpoint directory(String path) {
        return new Endpoint(EndpointType.FILE, path, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A folder on an SFTP server, reached with the secret behind {@code credentials}. */
    public static Endpoint sftp(String host, int port, String user, Reference credentials, String hostKey,
                                String path) {
        return new Endpoint(EndpointType.SFTP, path, Optional.of(host), Optional.of(port), Optional.of(user),
                Optional.of(credentials), Optional.of(hostKey));
    }

    /** The SSH port: the one given, or 22. */
    public int sshPort() {
        return port.orElse(DEFAULT_SFTP_PORT);
    }

    /** Where it is, for messages: {@code sftp://user@host:port/path} or the local path; never a secret. */
    public String describe() {
        if (type != EndpointType.SFTP) {
            return path;
        }
        return "sftp://" + user.orElse("?") + "@" + host.orElse("?") + ":" + sshPort()
                + (path.startsWith("/") ? "" : "/") + path;
    }
}
