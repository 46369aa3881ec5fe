package org.safegate.transfer;

import java.nio.file.Path;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.policy.model.Endpoint;
import org.safegate.policy.model.EndpointType;
import org.safegate.policy.model.Reference;

/** Where an endpoint is on this machine: relative paths resolve against the gateway's working directory. */
public final class Endpoints {
    private final Path workingDir;

    public Endpoints(Path workingDir) {
        this.workingDir = workingDir;
    }

    /** A certificate reference from a policy, with a relative file path made absolute; vault: references as they are. */
    public String reference(Reference reference) {
        return reference.isVault() ? reference.value() : workingDir.resolve(reference.value()).toString();
    }

    public Path folder(Endpoint endpoint) {
        if (endpoint.type() != EndpointType.FILE) {
            // fail closed: the file is held, never dropped, until SFTP delivery is available
            throw new SafegateException(ErrorCode.IO_FAILURE, "endpoint type " + endpoint.type().key()
                    + " is not supported by this gateway build");
        }
        return workingDir.resolve(endpoint.path()).normalize();
    }
}
