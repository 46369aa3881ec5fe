package org.safegate.transfer;

/**
 * How a file ended this time; CERTIFIED: a certificate of disposal was recorded; NONE: another
 * attempt had brought it to its outcome meanwhile.
 */
public enum TransferOutcome { DELIVERED, DENIED, QUARANTINED, HELD, NONE, CERTIFIED }
