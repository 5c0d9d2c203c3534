package org.gatehouse.licensing;

import java.util.List;

/** What checking a report against a licence or an exemption gives: what it draws, or why it is refused. */
public sealed interface Drawn permits Drawn.Accepted, Drawn.Refused {

    /** The report fits: these drawdowns, in report order. */
    record Accepted(List<Drawdown> drawdowns) implements Drawn {
        public Accepted {
            drawdowns = List.copyOf(drawdowns);
        }

        /** The ledger compute of the whole report. */
        public long tpp() {
            long sum = 0;
            for (Drawdown drawdown : drawdowns) {
                sum = Math.addExact(sum, drawdown.tpp());
            }
            return sum;
        }
    }

    /** The report does not fit, for every reason found (a state refusal comes alone: nothing else matters then). */
    record Refused(List<Refusal> refusals) implements Drawn {
        public Refused {
            refusals = List.copyOf(refusals);
            if (refusals.isEmpty()) {
                throw new IllegalArgumentException("a refusal needs a reason");
            }
        }
    }
}
