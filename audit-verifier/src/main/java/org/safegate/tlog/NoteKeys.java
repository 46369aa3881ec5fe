package org.safegate.tlog;

import java.security.PublicKey;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The audit public key under whatever origin a note names. The key id depends on the name, so a
 * note carrying another origin is checked under that name: it still only verifies if it was
 * signed by this key.
 */
public final class NoteKeys {
    private final PublicKey key;
    private final ConcurrentHashMap<String, NoteKey> byOrigin = new ConcurrentHashMap<>();

    public NoteKeys(PublicKey key) {
        this.key = key;
    }

    public NoteKey forOrigin(String origin) {
        return byOrigin.computeIfAbsent(origin, name -> new NoteKey(name, key));
    }
}
