package org.safegate.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.safegate.policy.PolicyHolder;
import org.safegate.policy.load.PolicyProblem;
import org.safegate.policy.model.PolicySet;

/**
 * The version of the policy set that runs: the SHA-256 of the policy folder's files (their paths
 * and contents, in order) as they were when the set was loaded, so two nodes with the same files
 * show the same version. Passes every reload on to the listener it wraps.
 */
final class PolicyVersions implements PolicyHolder.Listener {
    private final PolicyHolder.Listener next;
    private volatile String current = "unknown";

    PolicyVersions(PolicyHolder.Listener next) {
        this.next = next;
    }

    /** The version of the set loaded last ("unknown" before the first load). */
    String current() {
        return current;
    }

    @Override
    public void loaded(Path folder, PolicySet policies) {
        // read just after the load: a file changed in between is reloaded (and digested) at the next check
        current = digest(folder);
        next.loaded(folder, policies);
    }

    @Override
    public void rejected(Path folder, List<PolicyProblem> errors) {
        next.rejected(folder, errors);
    }

    static String digest(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = folder.relativize(file).toString().replace('\\', '/');
                sha256.update(name.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
                byte[] content = Files.readAllBytes(file);
                sha256.update(Long.toString(content.length).getBytes(StandardCharsets.US_ASCII));
                sha256.update((byte) 0);
                sha256.update(content);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy folder " + folder, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
