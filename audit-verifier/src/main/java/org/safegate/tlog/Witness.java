package org.safegate.tlog;

/**
 * A checkpoint held outside the log (in an agency's inbox, in a receipt): the log must still
 * contain the tree it signs.
 *
 * @param head   the signed tree head
 * @param source where it was found (a file), named in every report about it
 */
public record Witness(TreeHead head, String source) {
}
