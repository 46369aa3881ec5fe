package org.safegate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.config.Settings;
import org.safegate.app.Gateway;
import org.safegate.testing.TestClocks;
import org.safegate.testing.TestFiles;
import org.safegate.transfer.TransferOutcome;

/**
 * A local user other than the gateway's account reads nothing the gateway keeps: the data folder
 * and everything in it (store, archive, quarantine) are owner-only whatever the umask, and what is
 * delivered into an agency's folder is readable by that folder's group at most, never by the world.
 */
class FilesOnDiskTest {
    private static final byte[] ADDRESSES = "tin,name,address\n123456789,Jane Roe,1 Main St\n".getBytes();

    @TempDir
    Path root;

    @Test
    void aDeliveryAndADenialLeaveNothingUnderDataReadableByOthersAndNothingWorldReadableInAgencyFolders()
            throws IOException {
        TestFiles.copyTree(TestFiles.repositoryRoot().resolve("policies"), root.resolve("policies"));
        TestFiles.copyTree(TestFiles.repositoryRoot().resolve("keys-example"), root.resolve("keys-example"));
        // the administrator opened DOJ's inbox to DOJ's group, and left IRS's to the gateway alone
        Files.setPosixFilePermissions(Files.createDirectories(root.resolve("work/DOJ/inbox")),
                PosixFilePermissions.fromString("rwxr-x---"));
        Files.setPosixFilePermissions(Files.createDirectories(root.resolve("work/IRS/inbox")),
                PosixFilePermissions.fromString("rwx------"));
        try (Gateway gateway = Gateway.open(Settings.of(Map.of("safegate.keys", "file:keys-example")), Map.of(), root,
                TestClocks.runningFromCaseDay())) {
            assertThat(process(gateway, "IRS", "IRS-DOJ-2024", "to-doj.csv")).isEqualTo(TransferOutcome.DELIVERED);
            assertThat(process(gateway, "IRS", "IRS-ICE-2025", "to-ice.csv")).isEqualTo(TransferOutcome.DENIED);
        }

        assertThat(mode(root.resolve("data"))).isEqualTo("rwx------");
        for (Path path : all(root.resolve("data"))) {
            assertThat(mode(path)).as(path.toString()).isIn("rwx------", "rw-------");
        }
        assertThat(all(root.resolve("data/archive"))).isNotEmpty();
        assertThat(all(root.resolve("data/quarantine"))).isNotEmpty();

        Path delivered = root.resolve("work/DOJ/inbox/IRS-DOJ-2024/to-doj.csv.p7m");
        assertThat(mode(delivered.getParent())).isEqualTo("rwxr-x---");
        assertThat(mode(delivered)).isEqualTo("rw-r-----");
        for (Path receipt : all(root.resolve("work/IRS/inbox/receipts"))) {
            assertThat(mode(receipt)).as(receipt.toString()).isIn("rwx------", "rw-------");
        }
    }

    private TransferOutcome process(Gateway gateway, String sender, String agreement, String name) throws IOException {
        Path outbox = root.resolve("work").resolve(sender).resolve("outbox");
        Path file = Files.createDirectories(outbox.resolve(agreement)).resolve(name);
        Files.write(file, ADDRESSES);
        return gateway.processor().process(sender, outbox, file);
    }

    private static List<Path> all(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(p -> !p.equals(folder)).filter(p -> !Files.isSymbolicLink(p)).sorted().toList();
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
