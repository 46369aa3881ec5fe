package org.safegate.transfer;

/**
 * What a recipient receives when it is not the sender's file as sent: the answers released from a
 * data holder's answer file. Its digest is what the delivery is recorded under (its audit event's
 * payload, the payload delivered, hence a recall's item), since that is what the recipient can
 * pass on; the sender's receipt keeps naming the sender's own file.
 *
 * @param sha256 the SHA-256 of the released content, hexadecimal
 * @param size   its size in bytes
 */
record ReleasedContent(String sha256, long size) {
}
