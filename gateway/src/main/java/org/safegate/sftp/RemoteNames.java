package org.safegate.sftp;

import java.util.Optional;

/**
 * Which entry names of a remote listing the gateway joins onto its spool. A server answers a
 * listing with whatever names it likes; one holding a separator or {@code ..} would place the file
 * (or the folders made for it) outside the spool, and a control character would hide in logs and
 * terminals. Such an entry is left on the server. Names the outbox layout refuses for other reasons
 * (too long, trailing white space) still come in, to be quarantined like any file out of place.
 */
final class RemoteNames {
    private RemoteNames() {
    }

    /** Why the entry name is not taken, or empty when it can be joined onto a local folder. */
    static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("the name is empty");
        }
        if (name.equals(".") || name.equals("..") || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            return Optional.of("the name could leave its folder (it is '.' or '..', or holds '/' or '\\')");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of("the name contains a control character (U+" + String.format("%04X", (int) c) + ")");
            }
        }
        return Optional.empty();
    }
}
