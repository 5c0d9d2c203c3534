package org.gatehouse.agreements;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gatehouse.trade.Usd;

/**
 * A tranche of the US investment pledged under an agreement: an amount due by a day, numbered from 1, and what has
 * been realized against it so far.
 */
public record Tranche(int number, LocalDate dueOn, Usd amount, List<Realization> realizations) {

    /** Most realizations recorded against one tranche. */
    public static final int REALIZATIONS_MAX = 100;

    public Tranche {
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(amount, "amount");
        realizations = List.copyOf(realizations);
        if (number < 1) {
            throw new IllegalArgumentException("tranches are numbered from 1, got " + number);
        }
    }

    /** What was realized against it on or before {@code day}. */
    public Usd realizedBy(LocalDate day) {
        Usd sum = Usd.ZERO;
        for (Realization r : realizations) {
            if (!r.realizedOn().isAfter(day)) {
                sum = sum.plus(r.amount());
            }
        }
        return sum;
    }

    /** Everything realized against it. */
    public Usd realized() {
        Usd sum = Usd.ZERO;
        for (Realization r : realizations) {
            sum = sum.plus(r.amount());
        }
        return sum;
    }

    /** What is still to be realized (never negative). */
    public Usd outstanding() {
        return amount.minus(realized()).atLeastZero();
    }

    Tranche with(Realization realization) {
        List<Realization> more = new ArrayList<>(realizations);
        more.add(realization);
        return new Tranche(number, dueOn, amount, more);
    }
}
