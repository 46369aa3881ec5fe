package org.safegate.crypto;

import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Digest calculators for the algorithms the suite accepts, and only those: a file that lists
 * SHA-1 (or a thousand digests) is refused before any content is hashed.
 */
final class RestrictedDigests implements DigestCalculatorProvider {
    private final AlgorithmSuite suite;
    private final DigestCalculatorProvider jdk;

    RestrictedDigests(AlgorithmSuite suite) throws OperatorCreationException {
        this.suite = suite;
        this.jdk = new JcaDigestCalculatorProviderBuilder().build();
    }

    @Override
    public DigestCalculator get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
        if (!suite.acceptsDigest(algorithm.getAlgorithm())) {
            throw new Failures.RejectedAlgorithm("digest algorithm not accepted: " + algorithm.getAlgorithm());
        }
        return jdk.get(algorithm);
    }
}
