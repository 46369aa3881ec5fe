package org.safegate.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.safegate.keys.InsecureExamplePki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code safegate keys ...}: key material. */
@Command(name = "keys", description = "Manage keys and certificates.",
        subcommands = KeysCommand.Example.class, mixinStandardHelpOptions = true)
final class KeysCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** {@code safegate keys example --out DIR}. */
    @Command(name = "example", mixinStandardHelpOptions = true,
            description = "Generate an INSECURE example PKI (CA, CRL, gateway and agency keys, negative-test"
                    + " certificates) for demos and tests. Never use it for real data.")
    static final class Example implements Callable<Integer> {
        private final Clock clock;

        Example(Clock clock) {
            this.clock = clock;
        }

        @Option(names = "--out", required = true, description = "Directory to create (must be empty or absent).")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            new InsecureExamplePki(clock).generate(out);
            spec.commandLine().getOut().println("wrote INSECURE example keys to " + out
                    + " (agencies " + String.join(", ", InsecureExamplePki.AGENCIES) + "); demos and tests only");
            return ExitCodes.OK;
        }
    }
}
