package org.safegate.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import org.safegate.audit.Tamper;
import org.safegate.audit.VerificationResult;
import org.safegate.files.JsonDocuments;

/**
 * How {@code audit verify} tells what it found: a line of text by default, or with {@code --json}
 * one JSON object per log verified (archives first, then the store or the export), for scripts.
 */
final class VerificationReport {
    private final PrintWriter out;
    private final boolean json;

    VerificationReport(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** What {@code --json} prints for one log. */
    record Verified(String source, boolean intact, long events, long checkpoints, long lastSequence, String lastHash,
                    long witnessed, @JsonInclude(JsonInclude.Include.NON_NULL) Problem problem) {
    }

    /** The first problem: its kind, the headline a person would see, the event and the sentence. */
    record Problem(String kind, String headline, long sequence, String detail) {
    }

    /** Reports one verified log; true when it is intact. */
    boolean report(String what, VerificationResult result) {
        if (json) {
            Problem problem = result.problem().map(VerificationReport::problem).orElse(null);
            print(new Verified(what, result.isIntact(), result.events(), result.checkpoints(), result.lastSequence(),
                    result.lastHash(), result.witnessed(), problem));
        } else if (result.isIntact()) {
            out.println("intact: " + what + ": " + result.events() + " events, " + result.checkpoints()
                    + " checkpoint signatures, head " + result.lastSequence() + " " + result.lastHash()
                    + (result.witnessed() > 0 ? ", consistent with " + result.witnessed() + " witnessed checkpoints" : ""));
        } else {
            Tamper problem = result.problem().get();
            out.println(problem.kind().headline() + ": " + what + ": " + problem);
        }
        return result.isIntact();
    }

    /** Reports that a log does not continue the archive before it. */
    void discontinuous(String what, long startsAfter, long archiveEnd) {
        String detail = what + " starts after event " + startsAfter + " but the archive before it ends at " + archiveEnd;
        if (json) {
            print(new Verified(what, false, 0, 0, startsAfter, null, 0,
                    new Problem("DISCONTINUOUS", "TAMPERED", startsAfter + 1, detail)));
        } else {
            out.println("TAMPERED: " + detail);
        }
    }

    private static Problem problem(Tamper tamper) {
        return new Problem(tamper.kind().name(), tamper.kind().headline(), tamper.sequence(), tamper.detail());
    }

    private void print(Verified verified) {
        try {
            out.println(JsonDocuments.MAPPER.writeValueAsString(verified));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a verification report is plain data", e);
        }
    }
}
