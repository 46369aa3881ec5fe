package org.safegate.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.safegate.policy.load.PolicyLoadResult;
import org.safegate.policy.load.PolicyLoader;
import org.safegate.policy.load.PolicyProblem;
import org.safegate.policy.model.PolicySet;

/**
 * The policy set a running gateway decides with. It reloads when the files change: a valid change
 * replaces the set atomically (the next decision uses it); an invalid one is reported and the
 * running set stays.
 */
public final class PolicyHolder implements Supplier<PolicySet> {

    /** Told about every reload, so it can be audited. */
    public interface Listener {
        void loaded(Path folder, PolicySet policies);

        void rejected(Path folder, List<PolicyProblem> errors);
    }

    private final PolicyLoader loader;
    private final Path folder;
    private final Listener listener;
    private volatile PolicySet current;
    private volatile String fingerprint;
    /** The first error of the files on disk while they were rejected and an older set runs; null when they run. */
    private volatile PolicyProblem rejectedOnDisk;

    /** Loads the set; an invalid set at start is an error (the gateway does not start on it). */
    public PolicyHolder(PolicyLoader loader, Path folder, Listener listener) {
        this.loader = loader;
        this.folder = folder;
        this.listener = listener;
        this.fingerprint = fingerprint(folder);
        PolicyLoadResult result = loader.load(folder);
        if (!result.isValid()) {
            listener.rejected(folder, result.errors());
        }
        this.current = result.require();
        listener.loaded(folder, current);
    }

    @Override
    public PolicySet get() {
        return current;
    }

    /**
     * The first error of the policy files on disk when they were rejected and the set that runs is
     * an older one; empty while the running set is the one on disk.
     */
    public java.util.Optional<PolicyProblem> rejectedOnDisk() {
        return java.util.Optional.ofNullable(rejectedOnDisk);
    }

    /** Reloads when a file was added, removed or changed; returns whether the set was replaced. */
    public synchronized boolean reloadIfChanged() {
        String now = fingerprint(folder);
        if (now.equals(fingerprint)) {
            return false;
        }
        fingerprint = now;
        return load();
    }

    /**
     * Reloads now, whether or not the files look changed (a file rewritten within the same
     * millisecond at the same size looks unchanged); returns whether the set was replaced.
     */
    public synchronized boolean reload() {
        fingerprint = fingerprint(folder);
        return load();
    }

    private boolean load() {
        PolicyLoadResult result = loader.load(folder);
        if (!result.isValid()) {
            rejectedOnDisk = result.errors().get(0);
            listener.rejected(folder, result.errors());
            return false;
        }
        current = result.require();
        rejectedOnDisk = null;
        listener.loaded(folder, current);
        return true;
    }

    /** Names, sizes and modification times of every file: cheap, and changes whenever content does. */
    private static String fingerprint(Path folder) {
        if (!Files.isDirectory(folder)) {
            return "missing";
        }
        try (Stream<Path> files = Files.walk(folder)) {
            StringBuilder text = new StringBuilder();
            for (Path file : files.sorted().toList()) {
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (java.nio.file.NoSuchFileException goneOnTheWay) {
                    // a temporary file of an atomic replace: the rename that removed it shows up next time
                    continue;
                }
                text.append(folder.relativize(file)).append('|').append(attributes.size()).append('|')
                        .append(attributes.lastModifiedTime().toMillis()).append('\n');
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy folder " + folder, e);
        }
    }
}
