package org.safegate.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Remembers what was parsed from key and certificate files for as long as the files stay the same
 * (same file, size and modification time, checked on every call), so a busy gateway does not parse
 * the same PEM for every file it seals, while a replaced, changed or deleted file still takes
 * effect on the very next call. A file that cannot be checked is never served from memory.
 */
final class FileStampCache {
    private record Stamped(List<Object> stamp, Object value) {
    }

    private final Map<List<Path>, Stamped> entries = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    <T> T get(List<Path> files, Supplier<T> load) {
        List<Object> stamp = stamp(files);
        if (stamp == null) {
            entries.remove(files);
            return load.get();
        }
        Stamped known = entries.get(files);
        if (known != null && known.stamp().equals(stamp)) {
            return (T) known.value();
        }
        T value = load.get();
        // stamped before reading: a file changed while it was read is read again next time
        entries.put(files, new Stamped(stamp, value));
        return value;
    }

    private static List<Object> stamp(List<Path> files) {
        List<Object> stamp = new ArrayList<>(files.size() * 3);
        for (Path file : files) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                stamp.add(attributes.fileKey());
                stamp.add(attributes.size());
                stamp.add(attributes.lastModifiedTime());
            } catch (IOException e) {
                return null;
            }
        }
        return stamp;
    }
}
