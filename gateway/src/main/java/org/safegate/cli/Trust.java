package org.safegate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.crypto.AnchorsWithoutCrl;
import org.safegate.crypto.CertificateVerifier;
import org.safegate.keys.FileKeyStore;
import org.safegate.keys.PemFiles;
import org.safegate.keys.TrustMaterial;

/** Builds a certificate verifier and reads key passwords for the commands. */
final class Trust {
    private Trust() {
    }

    /** The password of encrypted private keys, from the environment (never from an argument). */
    static char[] keyPassword() {
        String value = System.getenv(FileKeyStore.PASSWORD_VARIABLE);
        return value == null ? null : value.toCharArray();
    }

    /**
     * Trusts the certificates in {@code caFile}; uses the given CRLs and every *.crl beside the CA
     * file. Unless {@code crlNotRequired} declares that the CA publishes none, a certificate it
     * issued needs a current CRL, or its status is unknown.
     */
    static CertificateVerifier verifier(Path caFile, List<Path> crlFiles, boolean crlNotRequired) {
        List<X509CRL> crls = new ArrayList<>();
        for (Path crl : crlFiles) {
            crls.add(PemFiles.readCrl(crl));
        }
        Path dir = caFile.toAbsolutePath().getParent();
        try (Stream<Path> siblings = Files.list(dir)) {
            for (Path crl : siblings.filter(p -> p.getFileName().toString().endsWith(".crl")).sorted().toList()) {
                if (!crlFiles.contains(crl)) {
                    crls.add(PemFiles.readCrl(crl));
                }
            }
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, "cannot list " + dir, e);
        }
        List<X509Certificate> anchors = PemFiles.readCertificates(caFile);
        AnchorsWithoutCrl withoutCrl = crlNotRequired ? AnchorsWithoutCrl.parse(anchors.stream()
                .map(AnchorsWithoutCrl::fingerprint).collect(Collectors.joining(","))) : AnchorsWithoutCrl.NONE;
        TrustMaterial trust = new TrustMaterial(anchors, crls);
        return new CertificateVerifier(() -> trust, certificate -> false, withoutCrl);
    }
}
