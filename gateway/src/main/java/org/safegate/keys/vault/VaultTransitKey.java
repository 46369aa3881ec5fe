package org.safegate.keys.vault;

import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.json.Json;
import io.github.jopenlibs.vault.json.JsonValue;
import io.github.jopenlibs.vault.response.LogicalResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * A signing key that never leaves Vault: signatures come from the Transit engine's
 * {@code <mount>/sign/<name>} endpoint. The request asks for exactly what JCA and OpenSSL verify
 * with the key's certificate: SHA-256 over the message (Vault hashes it, {@code prehashed=false}),
 * PKCS#1 v1.5 padding for an RSA key (Transit's default would be PSS) and a DER signature for an
 * ECDSA key. Failures are {@link ErrorCode#KEY_UNAVAILABLE} naming the key and Vault's status and
 * errors, never the token.
 */
public final class VaultTransitKey {
    private static final Pattern SIGNATURE = Pattern.compile("vault:v\\d+:([A-Za-z0-9+/=]+)");

    private final VaultConnection connection;
    private final VaultSession session;
    private final String name;
    private final String path;
    private final Map<String, Object> parameters;
    private Vault client; // guarded by this; rebuilt only when the token changes
    private VaultToken clientToken; // guarded by this

    /**
     * The key {@code name} of the Transit engine mounted at {@code mount}; {@code publicKey} (from
     * the certificate that will verify its signatures) decides the signature scheme asked for.
     */
    public VaultTransitKey(VaultSettings settings, Map<String, String> environment, Clock clock, String mount,
                           String name, PublicKey publicKey) {
        this.connection = new VaultConnection(settings);
        this.session = new VaultSession(settings.auth(), environment, connection, clock);
        this.name = name;
        this.path = mount + "/sign/" + name;
        this.parameters = parameters(publicKey);
    }

    /** The raw signature (PKCS#1 v1.5 or DER ECDSA) over SHA-256 of {@code message}: one request to Vault. */
    public byte[] sign(byte[] message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("input", Base64.getEncoder().encodeToString(message));
        body.putAll(parameters);
        try {
            LogicalResponse response = session.send(path, token -> client(token).logical().write(path, body));
            int status = response.getRestResponse().getStatus();
            if (status != 200) {
                throw new SafegateException(ErrorCode.KEY_UNAVAILABLE, "Vault answered " + status + " "
                        + meaning(status) + " for the Transit key " + name + " (" + path + ")" + errors(response));
            }
            return decode(response.getData().get("signature"));
        } catch (VaultException e) {
            // the driver's message carries Vault's answer body, which holds no token
            throw new SafegateException(ErrorCode.KEY_UNAVAILABLE, "cannot sign with the Transit key " + name + " ("
                    + path + ") in Vault" + VaultSession.status(e) + ": " + e.getMessage(), e);
        }
    }

    /** The key's name, for messages. */
    public String name() {
        return name;
    }

    /** The endpoint signatures come from, for messages. */
    public String path() {
        return path;
    }

    private synchronized Vault client(VaultToken token) throws VaultException {
        // building a client reads the CA file and sets up TLS: once per token, not once per signature
        if (client == null || !clientToken.value().equals(token.value())) {
            client = connection.transit(token);
            clientToken = token;
        }
        return client;
    }

    private static Map<String, Object> parameters(PublicKey publicKey) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("hash_algorithm", "sha2-256");
        parameters.put("prehashed", false);
        if (publicKey instanceof RSAKey) {
            parameters.put("signature_algorithm", "pkcs1v15");
        } else if (publicKey instanceof ECKey) {
            parameters.put("marshaling_algorithm", "asn1");
        } else {
            throw new SafegateException(ErrorCode.KEY_INVALID, "a Transit signing key must be RSA or ECDSA, and the"
                    + " certificate given for it holds a " + publicKey.getAlgorithm() + " key");
        }
        return Collections.unmodifiableMap(parameters); // in this order, so requests are the same every time
    }

    private byte[] decode(String signature) {
        Matcher matcher = SIGNATURE.matcher(signature == null ? "" : signature);
        if (!matcher.matches()) {
            throw new SafegateException(ErrorCode.KEY_UNAVAILABLE, "Vault answered for the Transit key " + name
                    + " (" + path + ") without a signature of the form vault:vN:<base64>");
        }
        return Base64.getDecoder().decode(matcher.group(1));
    }

    private static String meaning(int status) {
        return switch (status) {
            case 400 -> "(bad request; an unknown key is answered so)";
            case 403 -> "(permission denied)";
            case 404 -> "(no such Transit mount or key)";
            default -> "";
        };
    }

    /** Vault's {@code errors} list, which names the problem ("encryption key not found"). */
    private static String errors(LogicalResponse response) {
        try {
            String body = new String(response.getRestResponse().getBody(), StandardCharsets.UTF_8);
            List<String> errors = new ArrayList<>();
            JsonValue list = Json.parse(body).asObject().get("errors");
            if (list != null && list.isArray()) {
                list.asArray().forEach(error -> errors.add(error.isString() ? error.asString() : error.toString()));
            }
            return errors.isEmpty() ? "" : ": " + String.join("; ", errors);
        } catch (RuntimeException e) {
            return ""; // an answer that is not Vault's JSON adds nothing a reader could use
        }
    }
}
