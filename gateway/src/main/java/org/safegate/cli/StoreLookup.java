package org.safegate.cli;

import java.nio.file.Path;
import org.safegate.config.GatewayConfig;
import org.safegate.config.Settings;

/**
 * Why a command looked for the store where it did: which setting, from which file or environment
 * variable, and (for a relative path) against which folder. Someone who ran a command from the
 * wrong folder, or with the wrong {@code --config}, sees from this line what to change.
 */
final class StoreLookup {
    private StoreLookup() {
    }

    /** The explanation and the way out, to follow "no Safegate store at ...". */
    static String explain(Settings settings, Path workingDir) {
        return " (" + why(settings, workingDir) + "); run the gateway once with this configuration to create the"
                + " store, or pass --config FILE naming the configuration the gateway runs with";
    }

    private static String why(Settings settings, Path workingDir) {
        if (settings.get(GatewayConfig.DB_URL).isPresent()) {
            return "looked there because of " + GatewayConfig.DB_URL + " in "
                    + settings.sourceOf(GatewayConfig.DB_URL).orElseThrow();
        }
        String data = GatewayConfig.DATA;
        if (settings.sourceOf(data).isPresent()) {
            String value = settings.get(data).orElseThrow();
            String because = "looked there because " + data + " is " + value + " in " + settings.sourceOf(data).get();
            if (Path.of(value).isAbsolute()) {
                return because;
            }
            boolean inFile = settings.sourceOf(data).get().equals(settings.origin()) && settings.folder().isPresent();
            return inFile ? because + ", and a relative path there resolves against the file's folder "
                    + settings.folder().get() : because + ", and a relative path resolves against the current folder "
                    + workingDir;
        }
        if ("defaults".equals(settings.origin())) {
            return "looked there because there is no --config and no application.properties in the current folder "
                    + workingDir + ", so the default ./data applies";
        }
        return "looked there because " + data + " is not set in " + settings.origin()
                + ", so the default ./data applies, in the current folder " + workingDir;
    }
}
