package org.safegate.tlog;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Checkpoint notes checked a batch at a time on every core: signature checks dominate the cost of
 * a log where many commits are small, and each note is checked on its own.
 */
public final class CheckedNotes implements Iterator<CheckedNote> {
    private static final int BATCH = 512;

    private final Iterator<String> notes;
    private final NoteKeys keys;
    private List<CheckedNote> batch = List.of();
    private int index;

    public CheckedNotes(Iterator<String> notes, NoteKeys keys) {
        this.notes = notes;
        this.keys = keys;
    }

    @Override
    public boolean hasNext() {
        if (index < batch.size()) {
            return true;
        }
        List<String> read = new ArrayList<>(BATCH);
        while (read.size() < BATCH && notes.hasNext()) {
            read.add(notes.next());
        }
        batch = (read.size() > 8 ? read.parallelStream() : read.stream()).map(n -> CheckedNote.of(n, keys)).toList();
        index = 0;
        return !batch.isEmpty();
    }

    @Override
    public CheckedNote next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batch.get(index++);
    }
}
