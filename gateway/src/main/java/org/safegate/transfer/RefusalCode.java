package org.safegate.transfer;

/** Why a file is quarantined before any policy question is asked. */
public enum RefusalCode {
    /** Not in {@code <outbox>/<agreement-id>/}: directly in the outbox, or nested too deep. */
    MISPLACED,
    /** The folder names no agreement of the policy set that involves the sender. */
    AGREEMENT_UNKNOWN,
    /** A device, pipe or other special file. */
    NOT_A_REGULAR_FILE,
    /**
     * A symbolic link on the way to the file (the outbox itself, a folder in it, or the file), or a
     * file with another hard link: the link itself is kept in quarantine, its target never read or moved.
     */
    LINK_REFUSED,
    /** The name could escape a folder, hide characters, or is too long. */
    NAME_UNSAFE,
    EMPTY_FILE,
    TOO_LARGE,
    /** The input is signed, but not by the sending agency's registered signing certificate. */
    SIGNER_MISMATCH,
    /**
     * The input is signed with an algorithm Safegate does not accept (a digest outside SHA-2 such
     * as MD5 or SHA-1, an RSA key under 2048 bits or an EC key under 256 bits, a certificate signed
     * with SHA-1), however well the signature verifies.
     */
    SIGNER_ALGORITHM_REFUSED,
    /** The input claims to be CMS, or records, but cannot be read. */
    INPUT_MALFORMED,
    /** A request file whose share of deficient records exceeds the setting: nothing of it goes on. */
    REQUESTS_DEFICIENT
}
