package org.safegate.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * Raw configuration: {@code application.properties} (Camel Main conventions) with every key
 * overridable by an environment variable, named by upper-casing the key and replacing dots and
 * dashes with underscores ({@code safegate.db.url} becomes {@code SAFEGATE_DB_URL}).
 * {@link GatewayConfig} binds the keys Safegate knows into a validated record.
 */
public final class Settings {
    private final Map<String, String> values;
    private final Set<String> fromEnvironment;
    private final String origin;

    private Settings(Map<String, String> values, Set<String> fromEnvironment, String origin) {
        this.values = Map.copyOf(values);
        this.fromEnvironment = Set.copyOf(fromEnvironment);
        this.origin = origin;
    }

    /**
     * Reads the file (when given; otherwise {@code application.properties} in the working
     * directory if there is one) and overlays the environment.
     */
    public static Settings load(Optional<Path> file, Map<String, String> environment) {
        Path path = file.orElse(Path.of("application.properties"));
        Map<String, String> values = new HashMap<>();
        String origin = "defaults";
        if (Files.isRegularFile(path)) {
            values.putAll(read(path));
            origin = path.toString();
        } else if (file.isPresent()) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "configuration file " + path + " not found");
        }
        Set<String> keys = new HashSet<>(values.keySet());
        keys.addAll(GatewayConfig.KEYS_LIST);
        Set<String> fromEnvironment = new HashSet<>();
        for (String key : keys) {
            String value = environment.get(environmentName(key));
            if (value != null) {
                values.put(key, value);
                fromEnvironment.add(key);
            }
        }
        return new Settings(values, fromEnvironment, origin);
    }

    /** Settings from a map, for tests and embedding. */
    public static Settings of(Map<String, String> values) {
        return new Settings(values, Set.of(), "map");
    }

    /** The value of the key: from the environment when set there, else the file. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    public String origin() {
        return origin;
    }

    /**
     * Where the key's value comes from, for messages that explain a setting: its environment
     * variable or the file; empty when neither sets it (the default applies).
     */
    public Optional<String> sourceOf(String key) {
        if (get(key).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fromEnvironment.contains(key) ? "the environment variable " + environmentName(key) : origin);
    }

    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Map<String, String> read(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "cannot read configuration " + path + ": "
                    + e.getMessage(), e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }
}
