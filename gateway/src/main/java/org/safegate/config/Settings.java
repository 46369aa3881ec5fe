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
    private final Optional<Path> folder;

    private Settings(Map<String, String> values, Set<String> fromEnvironment, String origin, Optional<Path> folder) {
        this.values = Map.copyOf(values);
        this.fromEnvironment = Set.copyOf(fromEnvironment);
        this.origin = origin;
        this.folder = folder;
    }

    /**
     * Reads the file (when given; otherwise {@code application.properties} in the working
     * directory if there is one) and overlays the environment. A {@code safegate.*} key the
     * gateway does not read is refused, naming the nearest one it does: a typo would otherwise
     * leave the default in force without a word.
     */
    public static Settings load(Optional<Path> file, Map<String, String> environment) {
        Path path = file.orElse(Path.of("application.properties"));
        Map<String, String> values = new HashMap<>();
        String origin = "defaults";
        Optional<Path> folder = Optional.empty();
        if (Files.isRegularFile(path)) {
            values.putAll(read(path));
            origin = path.toString();
            folder = Optional.of(path.toAbsolutePath().normalize().getParent());
            requireKnownKeys(values.keySet(), path);
        } else if (file.isPresent()) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "configuration file " + path + " not found");
        }
        Set<String> keys = new HashSet<>(values.keySet());
        keys.addAll(SettingKeys.ALL);
        Set<String> fromEnvironment = new HashSet<>();
        for (String key : keys) {
            String value = environment.get(environmentName(key));
            if (value != null) {
                values.put(key, value);
                fromEnvironment.add(key);
            }
        }
        return new Settings(values, fromEnvironment, origin, folder);
    }

    /** Settings from a map, for tests and embedding; relative paths stay relative. */
    public static Settings of(Map<String, String> values) {
        return new Settings(values, Set.of(), "map", Optional.empty());
    }

    /** The value of the key: from the environment when set there, else the file. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    public String origin() {
        return origin;
    }

    /**
     * The configuration file's folder, which relative paths written in the file resolve against;
     * empty without a file (the defaults), when relative paths resolve against the working folder.
     */
    public Optional<Path> folder() {
        return folder;
    }

    /**
     * A path setting: a relative value written in the configuration file resolved against the
     * file's folder; a value from the environment (and a default, which the caller supplies) stays
     * as given, relative to the working folder of the command, like any path in a shell.
     */
    public Optional<Path> path(String key) {
        return get(key).map(value -> resolve(key, value));
    }

    /** The value of a {@code file:DIR}-style setting with its path resolved as {@link #path} does. */
    public Optional<String> pathAfterPrefix(String key, String prefix) {
        return get(key).map(value -> value.startsWith(prefix)
                ? prefix + resolve(key, value.substring(prefix.length())) : value);
    }

    private Path resolve(String key, String value) {
        Path path = Path.of(value);
        if (fromEnvironment.contains(key) || folder.isEmpty()) {
            return path;
        }
        return folder.get().resolve(path).normalize();
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

    private static void requireKnownKeys(Set<String> keys, Path file) {
        for (String key : keys.stream().sorted().toList()) {
            if (!SettingKeys.accepted(key)) {
                throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "unknown setting " + key + " in " + file
                        + ": did you mean " + SettingKeys.nearest(key) + "? (docs/configuration.md lists every key)");
            }
        }
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
