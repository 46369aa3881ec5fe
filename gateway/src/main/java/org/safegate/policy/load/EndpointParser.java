package org.safegate.policy.load;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.safegate.policy.model.Endpoint;
import org.safegate.policy.model.EndpointType;
import org.safegate.policy.model.Reference;

/**
 * Reads one endpoint ({@code endpoints.outbox} or {@code endpoints.inbox}). A {@code file}
 * endpoint is a path; an {@code sftp} endpoint needs everything to reach the server safely: host,
 * user, a credentials reference, the path, and the server's pinned host key fingerprint, so that a
 * server that cannot prove it is the one named is never sent anything.
 */
final class EndpointParser {
    /** What ssh-keygen -lf prints: SHA256 and the unpadded base64 of the 32-byte digest. */
    private static final Pattern SHA256_FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}=?");
    private static final List<String> SFTP_ONLY = List.of("host", "port", "user", "credentials", "host-key");

    Endpoint parse(MappingReader in) {
        String typeKey = in.string("type");
        String path = in.string("path");
        Optional<String> host = in.optionalString("host");
        Optional<Integer> port = in.optionalInteger("port");
        Optional<String> user = in.optionalString("user");
        Optional<String> credentials = in.optionalString("credentials");
        Optional<String> hostKey = in.optionalString("host-key");
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
        boolean valid = type.get() == EndpointType.SFTP
                ? sftpFieldsValid(in, host, user, credentials, hostKey)
                : noSftpFields(in);
        valid &= portValid(in, port) & credentialsValid(in, credentials);
        if (!valid) {
            return null;
        }
        return new Endpoint(type.get(), path, host, port, user, credentials.map(Reference::new), hostKey);
    }

    private static boolean sftpFieldsValid(MappingReader in, Optional<String> host, Optional<String> user,
                                           Optional<String> credentials, Optional<String> hostKey) {
        boolean valid = required(in, "host", host, "the server to connect to")
                & required(in, "user", user, "the login name on the server")
                & required(in, "credentials", credentials,
                        "a reference to the login secret (vault:<path>#<field>, env:<NAME> or file:<path>)")
                & required(in, "host-key", hostKey,
                        "the server's pinned host key fingerprint, SHA256:<base64> as ssh-keygen -lf prints it");
        if (hostKey.isPresent() && !isSha256Fingerprint(hostKey.get())) {
            in.problem(in.lineOf("host-key"), "host-key", ProblemCode.INVALID_VALUE, "'" + hostKey.get()
                    + "' is not a SHA256 host key fingerprint; write SHA256:<base64> as ssh-keygen -lf prints it");
            valid = false;
        }
        return valid;
    }

    private static boolean required(MappingReader in, String key, Optional<String> value, String what) {
        if (value.isEmpty()) {
            in.problem(in.lineOf(key), key, ProblemCode.MISSING_FIELD, "an sftp endpoint needs " + what);
            return false;
        }
        return true;
    }

    /** A file endpoint with SFTP settings is a mistake worth saying, not something to ignore. */
    private static boolean noSftpFields(MappingReader in) {
        boolean valid = true;
        for (String key : SFTP_ONLY) {
            if (in.has(key)) {
                in.problem(in.lineOf(key), key, ProblemCode.INVALID_VALUE, "applies only to type: sftp");
                valid = false;
            }
        }
        return valid;
    }

    private static boolean portValid(MappingReader in, Optional<Integer> port) {
        if (port.isPresent() && (port.get() < 1 || port.get() > 65535)) {
            in.problem(in.lineOf("port"), "port", ProblemCode.INVALID_VALUE,
                    port.get() + " is not a TCP port (1-65535)");
            return false;
        }
        return true;
    }

    private static boolean credentialsValid(MappingReader in, Optional<String> credentials) {
        if (credentials.isPresent() && !credentials.get().startsWith("vault:") && !credentials.get().startsWith("env:")
                && !credentials.get().startsWith("file:")) {
            // the value itself is not repeated: it may well be a password
            in.problem(in.lineOf("credentials"), "credentials", ProblemCode.PLAINTEXT_PASSWORD,
                    "must be a reference (vault:<path>#<field>, env:<NAME> or file:<path>), never the secret itself");
            return false;
        }
        return true;
    }

    static boolean isSha256Fingerprint(String value) {
        if (!SHA256_FINGERPRINT.matcher(value).matches()) {
            return false;
        }
        String base64 = value.substring("SHA256:".length()).replace("=", "");
        return Base64.getDecoder().decode(base64 + "=").length == 32;
    }
}
