package org.safegate.audit;

/** The names a JSON Lines export of the audit log is recognised by (docs/audit-format.md). */
public final class ExportFormat {
    /** The header's {@code format}. */
    public static final String NAME = "safegate-audit-export";
    /** The header's {@code version} of exports with the Merkle tree; version 1 had chain-head checkpoints. */
    public static final int VERSION = 2;

    private ExportFormat() {
    }
}
