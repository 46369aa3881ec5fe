package org.safegate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.SafegateException;
import org.safegate.policy.load.PolicyLoader;
import org.safegate.policy.load.PolicyProblem;
import org.safegate.policy.model.PolicySet;

class PolicyHolderTest {
    @TempDir
    Path dir;

    private final List<String> events = new ArrayList<>();
    private final PolicyHolder.Listener listener = new PolicyHolder.Listener() {
        @Override
        public void loaded(Path folder, PolicySet policies) {
            events.add("loaded " + policies.agencies().size());
        }

        @Override
        public void rejected(Path folder, List<PolicyProblem> errors) {
            events.add("rejected " + errors.get(0).code());
        }
    };

    @BeforeEach
    void writeOneAgency() throws IOException {
        Files.createDirectories(dir.resolve("agencies"));
        agency("a", "A");
    }

    @Test
    void validChangeReplacesTheSet() throws IOException {
        PolicyHolder holder = new PolicyHolder(new PolicyLoader(dir), dir, listener);
        agency("b", "B");

        assertThat(holder.reloadIfChanged()).isTrue();
        assertThat(holder.get().agency("B")).isPresent();
        assertThat(events).containsExactly("loaded 1", "loaded 2");
    }

    @Test
    void invalidChangeIsRejectedAndTheRunningSetStays() throws IOException {
        PolicyHolder holder = new PolicyHolder(new PolicyLoader(dir), dir, listener);
        PolicySet before = holder.get();
        Files.writeString(dir.resolve("agencies/b.yaml"), "id: B\nbogus: true\n");

        assertThat(holder.reloadIfChanged()).isFalse();
        assertThat(holder.get()).isSameAs(before);
        assertThat(events).hasSize(2).first().isEqualTo("loaded 1");
        assertThat(events.get(1)).startsWith("rejected");
    }

    @Test
    void anInvalidChange_resultTheFirstErrorIsKeptUntilAValidSetIsLoaded() throws IOException {
        PolicyHolder holder = new PolicyHolder(new PolicyLoader(dir), dir, listener);
        assertThat(holder.rejectedOnDisk()).isEmpty();
        Files.writeString(dir.resolve("agencies/b.yaml"), "id: [");

        holder.reloadIfChanged();
        assertThat(holder.rejectedOnDisk()).hasValueSatisfying(problem -> {
            assertThat(problem.file().toString()).endsWith("b.yaml");
            assertThat(problem.code().name()).isEqualTo("YAML_MALFORMED");
        });
        assertThat(holder.reloadIfChanged()).as("unchanged: still rejected").isFalse();
        assertThat(holder.rejectedOnDisk()).isPresent();

        Files.delete(dir.resolve("agencies/b.yaml"));
        assertThat(holder.reloadIfChanged()).isTrue();
        assertThat(holder.rejectedOnDisk()).isEmpty();
    }

    @Test
    void unchangedFilesAreNotReloaded() {
        PolicyHolder holder = new PolicyHolder(new PolicyLoader(dir), dir, listener);

        assertThat(holder.reloadIfChanged()).isFalse();
        assertThat(events).containsExactly("loaded 1");
    }

    @Test
    void invalidSetAtStartIsAnError() throws IOException {
        Files.writeString(dir.resolve("agencies/a.yaml"), "id: [");

        assertThatThrownBy(() -> new PolicyHolder(new PolicyLoader(dir), dir, listener))
                .isInstanceOf(SafegateException.class).hasMessageContaining("YAML_MALFORMED");
        assertThat(events).containsExactly("rejected YAML_MALFORMED");
    }

    private void agency(String file, String id) throws IOException {
        Path path = Files.writeString(dir.resolve("agencies/" + file + ".yaml"), "id: " + id + "\nname: " + id
                + "\ncertificate: c.crt\nendpoints:\n  outbox: { type: file, path: o }\n  inbox: { type: file, path: i }\n");
        // a distinct modification time, whatever the file system's clock resolution
        Files.setLastModifiedTime(path, FileTime.from(Files.getLastModifiedTime(path).toInstant().plusSeconds(events.size() + 1)));
    }
}
