package org.safegate.crypto;

import java.io.IOException;
import javax.crypto.AEADBadTagException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.io.InvalidCipherTextIOException;
import org.bouncycastle.operator.OperatorCreationException;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/** Turns what the parsers and providers throw on bad input into one clean {@link SafegateException}. */
final class Failures {

    /** Thrown by crypto's own digest provider for an algorithm the suite does not accept. */
    static final class RejectedAlgorithm extends OperatorCreationException {
        private static final long serialVersionUID = 1L;

        RejectedAlgorithm(String message) {
            super(message);
        }
    }

    private Failures() {
    }

    /** The reason code for a failure while reading a sealed file, keeping the cause. */
    static SafegateException reading(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SafegateException e) {
                return e;
            }
            if (isTagFailure(t)) {
                return new SafegateException(ErrorCode.CRYPTO_DECRYPT_FAILED,
                        "authenticated decryption failed: the file was altered or damaged", failure);
            }
            if (t instanceof RejectedAlgorithm) {
                return new SafegateException(ErrorCode.CRYPTO_ALGORITHM_REJECTED, t.getMessage(), failure);
            }
        }
        return new SafegateException(ErrorCode.CRYPTO_MALFORMED,
                "not a well-formed sealed file: " + describe(failure), failure);
    }

    static boolean isTagFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AEADBadTagException || t instanceof InvalidCipherTextIOException
                    || t instanceof InvalidCipherTextException) {
                return true;
            }
        }
        return false;
    }

    static SafegateException io(String what, IOException e) {
        return new SafegateException(ErrorCode.IO_FAILURE, what, e);
    }

    private static String describe(Throwable failure) {
        if (failure instanceof StackOverflowError) {
            return "structure nested too deeply";
        }
        if (failure instanceof ClassCastException || failure instanceof IllegalStateException) {
            return "unexpected ASN.1 structure";
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
