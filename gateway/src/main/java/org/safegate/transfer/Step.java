package org.safegate.transfer;

/**
 * What a stage of a transfer says: go on to the next stage, or end here with an outcome, a
 * quarantine or a denial. Refusals are carried out in one place ({@link TransferPipeline}); a
 * hold is an exception (anything the stage could not reach), turned into a hold by
 * {@link TransferProcessor}.
 */
sealed interface Step permits Step.Next, Step.Ended, Step.Quarantine, Step.Deny {
    Step NEXT = new Next();

    static Step ended(TransferOutcome outcome) {
        return new Ended(outcome);
    }

    /** The next stage goes on with the transfer. */
    record Next() implements Step {
    }

    /** The stage brought the transfer to its outcome itself. */
    record Ended(TransferOutcome outcome) implements Step {
    }

    /** The file is kept for a person, never sent: it is not what its sender's agreement allows to send. */
    record Quarantine(Refusal refusal) implements Step {
    }

    /** The policy gate said no: the transfer's reasons say why. */
    record Deny() implements Step {
    }
}
