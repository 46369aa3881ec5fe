package org.safegate.transfer;

import org.safegate.policy.model.Endpoint;

/** Opens the folders of endpoints that are not on this machine (SFTP). */
@FunctionalInterface
public interface RemoteFolders {

    /** The endpoint's folder; connecting happens when it is first used, not here. */
    InboxFolder folder(Endpoint endpoint);

    /** For a gateway built without remote endpoints: using one fails, so the file is held, never dropped. */
    RemoteFolders NONE = endpoint -> {
        throw new org.safegate.SafegateException(org.safegate.ErrorCode.IO_FAILURE, "endpoint type "
                + endpoint.type().key() + " is not supported by this gateway");
    };
}
