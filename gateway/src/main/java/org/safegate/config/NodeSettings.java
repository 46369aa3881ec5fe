package org.safegate.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * Who this gateway is among the nodes sharing one store: {@code safegate.node.id} (default: the
 * host name and the process id, such as {@code gw1-4242}) and how often it reports to the node
 * registry, {@code safegate.node.heartbeat} (an ISO-8601 duration, default PT5S). A bad value
 * stops the start, naming the key.
 */
public record NodeSettings(String id, Duration heartbeat) {
    public static final String ID = "safegate.node.id";
    public static final String HEARTBEAT = "safegate.node.heartbeat";
    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(5);
    private static final Duration SHORTEST = Duration.ofMillis(100);
    private static final Duration LONGEST = Duration.ofHours(1);

    /** The settings of this process, its default id from this host's name and this process's id. */
    public static NodeSettings from(Settings settings) {
        return from(settings, localHostName(), ProcessHandle.current().pid());
    }

    /** As {@link #from(Settings)}, with the host name and process id a default id is made of. */
    static NodeSettings from(Settings settings, String host, long pid) {
        Optional<String> id = settings.get(ID).map(String::strip);
        if (id.isPresent() && !VALID_ID.matcher(id.get()).matches()) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, ID + " must be 1 to 64 characters of letters,"
                    + " digits, '.', '_' and '-', not '" + id.get() + "'");
        }
        return new NodeSettings(id.orElseGet(() -> defaultId(host, pid)), heartbeat(settings));
    }

    /** host-pid, the host name cut down to what an id may hold (a host name may be long or odd). */
    static String defaultId(String host, long pid) {
        String suffix = "-" + pid;
        String name = host.replaceAll("[^A-Za-z0-9._-]", "-");
        if (name.isEmpty()) {
            name = "node";
        }
        return name.substring(0, Math.min(name.length(), 64 - suffix.length())) + suffix;
    }

    private static Duration heartbeat(Settings settings) {
        Optional<String> text = settings.get(HEARTBEAT).map(String::strip);
        if (text.isEmpty()) {
            return DEFAULT_HEARTBEAT;
        }
        try {
            Duration period = Duration.parse(text.get());
            if (period.compareTo(SHORTEST) >= 0 && period.compareTo(LONGEST) <= 0) {
                return period;
            }
        } catch (DateTimeException notADuration) {
            // reported below with the accepted form
        }
        throw new SafegateException(ErrorCode.INVALID_ARGUMENT, HEARTBEAT + " must be an ISO-8601 duration from"
                + " PT0.1S to PT1H (e.g. PT5S), not '" + text.get() + "'");
    }

    /** This host's name as the network knows it, or $HOSTNAME. */
    public static String localHostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException unknown) {
            // a host without a resolvable name still runs; its id says so
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("node");
        }
    }
}
