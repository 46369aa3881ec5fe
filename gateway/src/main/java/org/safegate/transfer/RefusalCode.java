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
    REQUESTS_DEFICIENT,
    /** A certificate of disposal ({@code recalls/<recall-id>.json}) that is not CMS-signed. */
    CERTIFICATE_UNSIGNED,
    /**
     * A certificate of disposal that is not what its format requires: not JSON, a member missing,
     * unknown or of the wrong kind, a disposition other than destroyed or returned, a recall id
     * other than its file's name, or larger than a certificate can be.
     */
    CERTIFICATE_MALFORMED,
    /** A certificate of disposal for a recall the gateway does not have. */
    RECALL_UNKNOWN,
    /**
     * A certificate of disposal naming an item that is not one of its sender's in the recall
     * (another holder's, or no item of it), one an officer closed, or disposed of before its delivery.
     */
    CERTIFICATE_ITEMS,
    /** A certificate of disposal recorded already (the same file again), or naming an item certified already. */
    CERTIFICATE_REPLAYED,
    /** A certificate of disposal dated after the gateway's day (UTC). */
    CERTIFICATE_FUTURE_DATED
}
