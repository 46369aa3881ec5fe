package org.safegate.inspect.read;

import java.io.Closeable;
import java.util.Optional;

/**
 * Reads records one at a time from a CSV or JSON Lines stream. Memory is bounded by the record
 * size limit, never by the file size. A malformed file ends the reading with a
 * {@link org.safegate.SafegateException} ({@link org.safegate.ErrorCode#RECORD_FILE_INVALID})
 * that names the file, line and column or byte offset.
 */
public interface RecordReader extends Closeable {
    /** The next record, or empty at the end of the file. */
    Optional<RawRecord> next();

    @Override
    void close();
}
