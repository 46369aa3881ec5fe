package org.safegate.sftp;

import java.nio.file.Path;
import java.util.Map;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.keys.KeyProvider;
import org.safegate.policy.model.Endpoint;
import org.safegate.policy.model.EndpointType;
import org.safegate.transfer.InboxFolder;
import org.safegate.transfer.RemoteFolders;

/**
 * The folders of {@code type: sftp} endpoints, reached with the Apache MINA SSHD client. Closing
 * it closes every session.
 */
public final class SftpFolders implements RemoteFolders, AutoCloseable {
    private final SftpSessions sessions;

    /**
     * @param keys        resolves {@code vault:} and {@code file:} credentials references
     * @param workingDir  what relative {@code file:} references are relative to
     * @param environment where {@code env:} references are looked up
     */
    public SftpFolders(KeyProvider keys, Path workingDir, Map<String, String> environment) {
        this.sessions = new SftpSessions(new LoginSecret(keys, workingDir, environment));
    }

    @Override
    public InboxFolder folder(Endpoint endpoint) {
        if (endpoint.type() != EndpointType.SFTP) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, endpoint.describe() + " is not an sftp endpoint");
        }
        return new SftpFolder(sessions, endpoint, endpoint.path());
    }

    /** The SFTP outboxes, spooled under the data folder; refused names are only logged. */
    public RemoteOutboxes outboxes(Path dataDir) {
        return outboxes(dataDir, RefusedRemoteNames.NONE);
    }

    /** The SFTP outboxes, spooled under the data folder; each refused name is logged and told to {@code refused}. */
    public RemoteOutboxes outboxes(Path dataDir, RefusedRemoteNames refused) {
        return new RemoteOutboxes(sessions, dataDir, refused);
    }

    @Override
    public void close() {
        sessions.close();
    }
}
