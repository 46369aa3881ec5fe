package org.safegate.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHFsyncExtension;
import org.apache.sshd.sftp.common.SftpException;
import org.safegate.policy.model.Endpoint;
import org.safegate.transfer.DurableFiles;
import org.safegate.transfer.InboxFolder;

/**
 * An inbox folder on an SFTP server. Content is uploaded under a hidden temporary name and made
 * visible with an SFTP rename, which (SFTP version 3, as OpenSSH serves it) fails rather than
 * replace a file, so the recipient never sees a partial file and nothing is overwritten.
 *
 * <p>A rename cannot be observed after the fact the way a hard link can, so a resumed delivery
 * relies on the journal instead: the final name is reserved before the rename, and when the
 * temporary name is gone the rename has happened (only the rename removes it).
 */
final class SftpFolder implements InboxFolder {
    private final SftpSessions sessions;
    private final Endpoint endpoint;
    private final String path;

    SftpFolder(SftpSessions sessions, Endpoint endpoint, String path) {
        this.sessions = sessions;
        this.endpoint = endpoint;
        this.path = path;
    }

    @Override
    public InboxFolder child(String name) {
        return new SftpFolder(sessions, endpoint, path.endsWith("/") ? path + name : path + "/" + name);
    }

    @Override
    public String describe() {
        return endpoint.describe() + path.substring(endpoint.path().length());
    }

    @Override
    public void writeTemp(String tag, DurableFiles.Content content) throws IOException {
        sessions.run(endpoint, sftp -> {
            upload(sftp, temp(tag), content);
            return null;
        });
    }

    @Override
    public String nameFor(String tag, String stem, String suffix) throws IOException {
        return sessions.run(endpoint, sftp -> freeName(sftp, stem, suffix));
    }

    @Override
    public void publishTemp(String tag, String name) throws IOException {
        sessions.run(endpoint, sftp -> {
            if (exists(sftp, temp(tag))) {
                renameOnto(sftp, temp(tag), name);
            }
            // else an earlier attempt renamed it: publishing follows a complete upload (audited first), and
            // from then on only the rename removes the temporary name
            return null;
        });
    }

    @Override
    public boolean hasTemp(String tag) throws IOException {
        return sessions.run(endpoint, sftp -> exists(sftp, temp(tag)));
    }

    @Override
    public void removeTemp(String tag) throws IOException {
        sessions.run(endpoint, sftp -> {
            remove(sftp, temp(tag));
            return null;
        });
    }

    @Override
    public String publish(String stem, String suffix, String tag, DurableFiles.Content content) throws IOException {
        return sessions.run(endpoint, sftp -> {
            upload(sftp, temp(tag), content);
            for (int attempt = 0; ; attempt++) {
                String name = freeName(sftp, stem, suffix);
                try {
                    sftp.rename(temp(tag), file(name));
                    return name;
                } catch (SftpException e) {
                    // taken between the look and the rename: try the next free name
                    if (attempt > 100 || !exists(sftp, file(name))) {
                        throw e;
                    }
                }
            }
        });
    }

    @Override
    public Optional<byte[]> read(String name) throws IOException {
        return sessions.run(endpoint, sftp -> {
            Optional<SftpClient.Attributes> attributes = stat(sftp, file(name));
            if (attributes.isEmpty() || !attributes.get().isRegularFile()) {
                return Optional.empty();
            }
            try (InputStream in = sftp.read(file(name))) {
                return Optional.of(in.readAllBytes());
            }
        });
    }

    @Override
    public boolean exists(String name) throws IOException {
        return sessions.run(endpoint, sftp -> exists(sftp, file(name)));
    }

    @Override
    public String toString() {
        return describe();
    }

    private void upload(SftpClient sftp, String temp, DurableFiles.Content content) throws IOException {
        makeFolders(sftp);
        boolean complete = false;
        try {
            try (OutputStream out = sftp.write(temp, SftpClient.OpenMode.Write, SftpClient.OpenMode.Create,
                    SftpClient.OpenMode.Truncate)) {
                content.writeTo(out);
            }
            forceToDisk(sftp, temp);
            complete = true;
        } finally {
            if (!complete && sftp.isOpen()) {
                removeQuietly(sftp, temp);
            }
        }
    }

    /** Where the server offers it (OpenSSH's fsync extension), the upload is made durable before it counts. */
    private static void forceToDisk(SftpClient sftp, String file) throws IOException {
        OpenSSHFsyncExtension fsync = sftp.getExtension(OpenSSHFsyncExtension.class);
        if (fsync != null && fsync.isSupported()) {
            try (SftpClient.CloseableHandle handle = sftp.open(file, SftpClient.OpenMode.Read)) {
                fsync.fsync(handle);
            }
        }
    }

    private void renameOnto(SftpClient sftp, String from, String name) throws IOException {
        try {
            sftp.rename(from, file(name));
        } catch (SftpException e) {
            if (exists(sftp, file(name))) {
                throw new IOException(name + " in " + describe() + " was taken by another file before it could be"
                        + " published", e);
            }
            throw e;
        }
    }

    private String freeName(SftpClient sftp, String stem, String suffix) throws IOException {
        for (int counter = 1; counter <= 10_000; counter++) {
            String candidate = counter == 1 ? stem + suffix : stem + "." + counter + suffix;
            if (!exists(sftp, file(candidate))) {
                return candidate;
            }
        }
        throw new IOException("no free name for " + stem + suffix + " in " + describe());
    }

    private void makeFolders(SftpClient sftp) throws IOException {
        if (stat(sftp, path).isPresent()) {
            return;
        }
        StringBuilder prefix = new StringBuilder(path.startsWith("/") ? "/" : "");
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            prefix.append(part);
            if (stat(sftp, prefix.toString()).isEmpty()) {
                try {
                    sftp.mkdir(prefix.toString());
                } catch (SftpException e) {
                    // made by someone else meanwhile is fine
                    if (stat(sftp, prefix.toString()).isEmpty()) {
                        throw e;
                    }
                }
            }
            prefix.append('/');
        }
    }

    private static Optional<SftpClient.Attributes> stat(SftpClient sftp, String file) throws IOException {
        try {
            return Optional.of(sftp.lstat(file));
        } catch (SftpException e) {
            if (SftpErrors.isMissing(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static boolean exists(SftpClient sftp, String file) throws IOException {
        return stat(sftp, file).isPresent();
    }

    private static void remove(SftpClient sftp, String file) throws IOException {
        try {
            sftp.remove(file);
        } catch (SftpException e) {
            if (!SftpErrors.isMissing(e)) {
                throw e;
            }
        }
    }

    private static void removeQuietly(SftpClient sftp, String file) {
        try {
            remove(sftp, file);
        } catch (IOException ignored) {
            // the partial temporary copy is replaced by the next attempt anyway
        }
    }

    private String file(String name) {
        return path.endsWith("/") ? path + name : path + "/" + name;
    }

    private String temp(String tag) {
        return file(".safegate-" + tag + ".part");
    }
}
