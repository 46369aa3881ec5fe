package org.safegate.transfer;

import java.nio.file.Path;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.policy.model.Endpoint;
import org.safegate.policy.model.EndpointType;
import org.safegate.policy.model.Reference;

/**
 * Where an endpoint is: a folder on this machine (relative paths resolve against the gateway's
 * working directory) or a folder on an SFTP server, opened by the {@link RemoteFolders}.
 */
public final class Endpoints {
    private final Path workingDir;
    private final RemoteFolders remote;

    public Endpoints(Path workingDir) {
        this(workingDir, RemoteFolders.NONE);
    }

    public Endpoints(Path workingDir, RemoteFolders remote) {
        this.workingDir = workingDir;
        this.remote = remote;
    }

    /** A certificate reference from a policy, with a relative file path made absolute; vault: references as they are. */
    public String reference(Reference reference) {
        return reference.isVault() ? reference.value() : workingDir.resolve(reference.value()).toString();
    }

    /** The endpoint's folder on this machine; an SFTP endpoint has none. */
    public Path folder(Endpoint endpoint) {
        if (endpoint.type() != EndpointType.FILE) {
            throw new SafegateException(ErrorCode.IO_FAILURE, "endpoint " + endpoint.describe()
                    + " is not a folder on this machine");
        }
        return workingDir.resolve(endpoint.path()).normalize();
    }

    /** The endpoint's folder, wherever it is: files are delivered and receipts written through it. */
    public InboxFolder inbox(Endpoint endpoint) {
        return endpoint.type() == EndpointType.FILE ? new LocalFolder(folder(endpoint)) : remote.folder(endpoint);
    }
}
