package org.safegate.keys.vault;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * Vault's address must protect what travels to it: the token, the AppRole secret id and every
 * private key come back over this connection. {@code https://} always; plain {@code http://} only
 * to this host's loopback (127.0.0.0/8, ::1, localhost), as for a Vault agent or a dev server
 * beside the gateway, where nothing crosses a network.
 */
final class VaultAddress {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private VaultAddress() {
    }

    /** {@code address} as a URI, or an error naming {@code setting} (never a secret: addresses hold none). */
    static URI requireProtected(String address, String setting) {
        try {
            return requireProtected(new URI(address.strip()), setting);
        } catch (URISyntaxException e) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, setting + " is not a URL: " + e.getMessage(), e);
        }
    }

    static URI requireProtected(URI address, String setting) {
        if (address == null) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, setting + " is not set");
        }
        String scheme = address.getScheme() == null ? "" : address.getScheme().toLowerCase(Locale.ROOT);
        if (address.getHost() != null && (scheme.equals("https") || scheme.equals("http") && isLoopback(address))) {
            return address;
        }
        throw new SafegateException(ErrorCode.INVALID_ARGUMENT, setting + " is " + shown(address) + ": Vault must be"
                + " reached over https:// (plain http:// would carry the Vault token and the keys unencrypted),"
                + " or over http:// only to a loopback address (127.0.0.0/8, ::1, localhost)");
    }

    /** By name or literal only: a DNS answer must not decide whether plain HTTP is allowed. */
    private static boolean isLoopback(URI address) {
        String host = address.getHost();
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (IPV4.matcher(host).matches()) {
            String[] octets = host.split("\\.");
            return octets[0].equals("127") && Arrays.stream(octets).allMatch(o -> Integer.parseInt(o) <= 255);
        }
        if (host.startsWith("[") && host.endsWith("]") && host.contains(":")) {
            try {
                // an IPv6 literal is parsed, never looked up
                return InetAddress.getByName(host.substring(1, host.length() - 1)).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /** Scheme, host and port only, so a user-info part is never repeated in a message. */
    private static String shown(URI address) {
        if (address.getHost() == null) {
            return "not a URL with a host";
        }
        return address.getScheme() + "://" + address.getHost() + (address.getPort() < 0 ? "" : ":" + address.getPort());
    }
}
