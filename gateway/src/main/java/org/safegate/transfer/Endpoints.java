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

    public Path folder(Endpoint endpoint) {
        if (endpoint.type() != EndpointType.FILE) {
            // fail closed: the file is held, never dropped, until SFTP delivery is available
            throw new SafegateException(ErrorCode.IO_FAILURE, "endpoint type " + endpoint.type().key()
                    + " is not supported by this gateway build");
        }
        return workingDir.resolve(endpoint.path()).normalize();
    }

    /** A certificate reference as the key provider takes it: a relative file path resolved here too. */
    public String certificate(Reference reference) {
        return reference.isVault() ? reference.value() : workingDir.resolve(reference.value()).normalize().toString();
    }
}
