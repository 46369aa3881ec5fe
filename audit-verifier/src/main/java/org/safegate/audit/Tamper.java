package org.safegate.audit;

/** The first problem found: its kind, the sequence number of the event it concerns, and a sentence. */
public record Tamper(TamperKind kind, long sequence, String detail) {

    @Override
    public String toString() {
        return "event " + sequence + ": " + kind.label()
                + " (" + detail + ")";
    }
}
