package org.safegate.route;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.transfer.TransferOutcome;

/**
 * An agency's outbox routes made from the templates, in Camel Main as the gateway runs them: a
 * file dropped in the outbox is handed by route outbox-IRS to the work with its outbox, and an
 * exception escaping the route ends in the route configuration, the file offered again.
 */
@CamelMainTest
class OutboxRouteTemplateTest {
    @TempDir
    Path dir;

    @BeanInject
    CamelContext context;

    /** Files handed to the work, as "agency:outbox-relative path". */
    private final List<String> worked = new CopyOnWriteArrayList<>();
    /** How many of the next files the work fails on with an exception. */
    private final AtomicInteger failures = new AtomicInteger();

    @Configure
    protected void configure(MainConfigurationProperties configuration) {
        configuration.addRoutesBuilder(new OutboxErrorHandling());
        configuration.addRoutesBuilder(new OutboxRouteTemplates());
        configuration.addRoutesBuilder(new OutboxRoutes(new FakeWork()));
    }

    @Test
    void aFileDroppedInTheOutboxIsTakenByTheAgencysRouteMadeFromTheTemplate() throws Exception {
        NotifyBuilder processed = new NotifyBuilder(context).fromRoute("outbox-IRS").whenCompleted(1).create();

        drop("IRS-DOJ-2024", "returns.csv");

        assertThat(processed.matches(30, TimeUnit.SECONDS)).as("outbox-IRS processed the file").isTrue();
        assertThat(worked).containsExactly("IRS:IRS-DOJ-2024/returns.csv");
        assertThat(dir.resolve("outbox/IRS-DOJ-2024/returns.csv")).doesNotExist();
        assertThat(dir.resolve("done/IRS-DOJ-2024/returns.csv")).hasContent("tin,name\n123456789,Jane Doe\n");
        assertThat(context.getRoute("taken-IRS")).isNotNull();
        assertThat(context.getRoute("sftp-pickup-IRS")).as("a file outbox has no SFTP pickup").isNull();
        assertThat(context.getRoute("outbox-IRS").getConfigurationId()).isEqualTo(OutboxErrorHandling.ID);
    }

    @Test
    void anExceptionEscapingTheRouteIsHandledByTheRouteConfigurationAndTheFileIsOfferedAgain() throws Exception {
        failures.set(1);
        NotifyBuilder twice = new NotifyBuilder(context).fromRoute("outbox-IRS").whenCompleted(2).create();
        NotifyBuilder failed = new NotifyBuilder(context).fromRoute("outbox-IRS").whenFailed(1).create();

        drop("IRS-DOJ-2024", "returns.csv");

        assertThat(twice.matches(30, TimeUnit.SECONDS)).as("the file was offered again after the failure").isTrue();
        assertThat(failed.matches()).as("the exception was handled, not left to fail the exchange").isFalse();
        assertThat(worked).containsExactly("IRS:IRS-DOJ-2024/returns.csv (failed)", "IRS:IRS-DOJ-2024/returns.csv");
        assertThat(dir.resolve("done/IRS-DOJ-2024/returns.csv")).exists();
    }

    /** As a sender does: written under a hidden name, then renamed. */
    private void drop(String agreement, String name) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("outbox").resolve(agreement));
        Path hidden = folder.resolve("." + name);
        Files.writeString(hidden, "tin,name\n123456789,Jane Doe\n");
        Files.move(hidden, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** One agency with a file outbox; the work moves each file out of it, or fails as told. */
    private final class FakeWork implements OutboxWork {
        @Override
        public Map<String, Outbox> outboxRoutes() {
            return Map.of("IRS", new Outbox(dir.resolve("outbox"), false));
        }

        @Override
        public void reloadPoliciesIfChanged() {
        }

        @Override
        public void dropCheckpoints() {
        }

        @Override
        public void deliverRecallNotices() {
        }

        @Override
        public void warnUpcoming() {
        }

        @Override
        public Path privateFolder(String agency) throws IOException {
            return Files.createDirectories(dir.resolve("taken").resolve(agency));
        }

        @Override
        public int lanesPerOutbox() {
            return 2;
        }

        @Override
        public TransferOutcome process(String agency, Path root, Path file) {
            Path place = root.relativize(file);
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                worked.add(agency + ":" + place + " (failed)");
                throw new IllegalStateException("the store is not reachable");
            }
            worked.add(agency + ":" + place);
            try {
                Path done = dir.resolve("done").resolve(place);
                Files.createDirectories(done.getParent());
                Files.move(file, done);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return TransferOutcome.DELIVERED;
        }

        @Override
        public void pickUp(String agency) {
        }
    }
}
