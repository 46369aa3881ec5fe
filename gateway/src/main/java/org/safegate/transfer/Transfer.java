package org.safegate.transfer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.safegate.policy.model.Agreement;

/**
 * One transfer as its receipt, its refusal record and its audit events tell it: who sent which
 * file (by name, digest and size) to whom under which agreement (whose provider may be another
 * agency than the sender: a recipient that sends under it, or an unplaced file's folder), what it discloses again
 * ({@code parentTransfer}), the name it was published under, and why it was refused. The journal
 * keeps the same facts as a row (see {@link #journalRow}), since the store does not know this type.
 */
public record Transfer(String transferId, String sender, String provider, String recipient, String agreement,
                       String authority, String category, String name, String sha256, long size, Optional<String> parentTransfer,
                       Optional<String> deliveredAs, List<Receipt.Reason> reasons, Optional<Long> records,
                       Optional<String> note) {

    public Transfer {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(parentTransfer, "parentTransfer");
        Objects.requireNonNull(deliveredAs, "deliveredAs");
        reasons = List.copyOf(reasons);
    }

    /** A file sent under an agreement, before anything is decided about it. */
    public static Transfer under(Agreement agreement, String transferId, String sender, String recipient,
                                 String category, String name, String sha256, long size) {
        return new Transfer(transferId, sender, agreement.provider(), recipient, agreement.id(), agreement.authority(),
                category, name, sha256, size, Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    }

    /**
     * A file refused before it could be placed under an agreement's terms (its layout, name,
     * signature or content): no recipient, authority or category; {@code agreement} is the folder
     * it was placed in, or empty, and {@code provider} that agreement's provider, or empty.
     */
    public static Transfer unplaced(String transferId, String sender, String provider, String agreement, String name,
                                    String sha256, long size, Receipt.Reason reason) {
        return new Transfer(transferId, sender, provider, "", agreement, "", "", name, sha256, size, Optional.empty(),
                Optional.empty(), List.of(reason), Optional.empty(), Optional.empty());
    }

    /** A redisclosure when {@code parent} (the transfer that delivered the same data to the sender) is present. */
    public Transfer disclosingAgain(Optional<String> parent) {
        return new Transfer(transferId, sender, provider, recipient, agreement, authority, category, name, sha256, size,
                parent, deliveredAs, reasons, records, note);
    }

    public boolean redisclosure() {
        return parentTransfer.isPresent();
    }

    /** The same transfer published (or to be published) under {@code published}; empty: nowhere. */
    public Transfer publishedAs(Optional<String> published) {
        return new Transfer(transferId, sender, provider, recipient, agreement, authority, category, name, sha256, size,
                parentTransfer, published, reasons, records, note);
    }

    public Transfer publishedAs(String published) {
        return publishedAs(Optional.of(published));
    }

    /** The same transfer, published nowhere (a sealed copy dropped before it was published). */
    public Transfer unpublished() {
        return publishedAs(Optional.empty());
    }

    public Transfer withReasons(List<Receipt.Reason> newReasons) {
        return new Transfer(transferId, sender, provider, recipient, agreement, authority, category, name, sha256, size,
                parentTransfer, deliveredAs, newReasons, records, note);
    }

    /** The same transfer with the records its file holds, or none when they are not known. */
    public Transfer withRecords(Optional<Long> count) {
        return new Transfer(transferId, sender, provider, recipient, agreement, authority, category, name, sha256, size,
                parentTransfer, deliveredAs, reasons, count, note);
    }

    /** The same transfer with record counts from request inspection or answer filtering. */
    public Transfer withRecords(long count, String counts) {
        return new Transfer(transferId, sender, provider, recipient, agreement, authority, category, name, sha256, size,
                parentTransfer, deliveredAs, reasons, Optional.of(count), Optional.of(counts));
    }

    /** The same transfer with its note (record counts as a sentence) only, as a refusal keeps it. */
    public Transfer withNote(Optional<String> newNote) {
        return new Transfer(transferId, sender, provider, recipient, agreement, authority, category, name, sha256, size,
                parentTransfer, deliveredAs, reasons, records, newNote);
    }
}
