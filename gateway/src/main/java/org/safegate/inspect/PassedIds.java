package org.safegate.inspect;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.files.FileModes;

/**
 * A temporary file of the ids that passed, written during the pass and read back once the
 * quarantine decision is known: much cheaper than parsing the passed-records file again, and it
 * keeps memory independent of the file size. Ids are stored length-prefixed, so any character works.
 */
final class PassedIds implements AutoCloseable {
    private final Path file;
    private final DataOutputStream out;

    PassedIds(Path directory) throws IOException {
        this.file = Files.createTempFile(directory, ".passed-ids-", ".tmp");
        this.out = new DataOutputStream(new BufferedOutputStream(FileModes.newOwnerOnlyOutputStream(file), 1 << 16));
    }

    void add(String id) {
        try {
            byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** Finishes writing and hands every id, in order, to the consumer. */
    void forEach(Consumer<String> consumer) throws IOException {
        out.close();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    return;
                }
                byte[] id = new byte[length];
                in.readFully(id);
                consumer.accept(new String(id, StandardCharsets.UTF_8));
            }
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
        Files.deleteIfExists(file);
    }
}
