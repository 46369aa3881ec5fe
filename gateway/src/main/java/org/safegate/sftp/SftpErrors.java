package org.safegate.sftp;

import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/** Says in words what an SFTP status means for a delivery. */
final class SftpErrors {
    private SftpErrors() {
    }

    static boolean isMissing(SftpException e) {
        return e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE || e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH;
    }

    static String describe(SftpException e) {
        String what = switch (e.getStatus()) {
            case SftpConstants.SSH_FX_NO_SPACE_ON_FILESYSTEM, SftpConstants.SSH_FX_QUOTA_EXCEEDED ->
                    "the server's disk or quota is full";
            case SftpConstants.SSH_FX_PERMISSION_DENIED -> "permission denied";
            case SftpConstants.SSH_FX_FILE_ALREADY_EXISTS -> "the name is taken";
            case SftpConstants.SSH_FX_NO_SUCH_FILE, SftpConstants.SSH_FX_NO_SUCH_PATH -> "no such file or folder";
            default -> "the server refused the request";
        };
        return what + " (SFTP status " + SftpConstants.getStatusName(e.getStatus()) + ": " + e.getMessage() + ")";
    }
}
