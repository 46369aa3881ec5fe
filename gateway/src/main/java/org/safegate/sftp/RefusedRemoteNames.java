package org.safegate.sftp;

/**
 * Told of each entry an agency's SFTP outbox lists under a name the gateway will not take (one
 * that could place a file outside the spool, or hide in it), once per entry while the gateway runs.
 * The entry is left on the server for the agency to rename or remove.
 */
@FunctionalInterface
public interface RefusedRemoteNames {

    /**
     * @param agency  whose outbox lists the entry
     * @param where   the outbox and the entry's place in it, printable (control characters escaped)
     * @param problem why the name is refused
     */
    void refused(String agency, String where, String problem);

    /** Reports nowhere but the gateway's log. */
    RefusedRemoteNames NONE = (agency, where, problem) -> {
    };
}
