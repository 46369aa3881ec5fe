package org.safegate.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The modes of what the gateway creates: owner-only, or group-readable in a folder open to its group; never world. */
class FileModesTest {
    @TempDir
    Path dir;

    @Test
    void foldersMadeUnderAPrivateFolderAreOwnerOnly() throws IOException {
        Path data = FileModes.createPrivateDirectories(dir.resolve("data"));

        FileModes.createDirectories(data.resolve("archive/t-1"));

        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(data.resolve("archive"))).isEqualTo("rwx------");
        assertThat(mode(data.resolve("archive/t-1"))).isEqualTo("rwx------");
    }

    @Test
    void thePrivateDataFolderIsOwnerOnlyEvenUnderAFolderOpenToAll() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(mode(FileModes.createPrivateDirectories(dir.resolve("data")))).isEqualTo("rwx------");
    }

    @Test
    void inAFolderOpenToItsGroupNewFoldersAndFilesTakeItsGroupAndGroupReadButNeverWorld() throws IOException {
        Path inbox = Files.createDirectories(dir.resolve("DOJ/inbox"));
        Files.setPosixFilePermissions(inbox, PosixFilePermissions.fromString("rwxrwxrwx"));

        Path agreement = FileModes.createDirectories(inbox.resolve("IRS-DOJ-2024"));
        Path file = Files.writeString(agreement.resolve("a.csv.p7m"), "sealed");
        FileModes.settle(file);

        assertThat(mode(agreement)).isEqualTo("rwxr-x---");
        assertThat(mode(file)).isEqualTo("rw-r-----");
        assertThat(group(file)).isEqualTo(group(inbox));
    }

    @Test
    void inAFolderClosedToItsGroupAFileIsOwnerOnly() throws IOException {
        Path inbox = Files.createDirectories(dir.resolve("ICE/inbox"));
        Files.setPosixFilePermissions(inbox, PosixFilePermissions.fromString("rwx---r-x"));
        Path file = Files.writeString(inbox.resolve("a.csv.p7m"), "sealed");

        FileModes.settle(file);

        assertThat(mode(file)).isEqualTo("rw-------");
    }

    @Test
    void anOwnerOnlyStreamMakesAnOwnerOnlyFile() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (OutputStream out = FileModes.newOwnerOnlyOutputStream(dir.resolve("passed.csv"))) {
            out.write(1);
        }

        assertThat(mode(dir.resolve("passed.csv"))).isEqualTo("rw-------");
    }

    @Test
    void openToOthersSeesGroupOrWorldAccess() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        assertThat(FileModes.openToOthers(dir)).isFalse();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x---"));
        assertThat(FileModes.openToOthers(dir)).isTrue();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx---r--"));
        assertThat(FileModes.openToOthers(dir)).isTrue();
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static Object group(Path path) throws IOException {
        return Files.readAttributes(path, PosixFileAttributes.class).group();
    }
}
