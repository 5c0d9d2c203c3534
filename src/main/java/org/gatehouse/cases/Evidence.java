package org.gatehouse.cases;

import java.util.Objects;
import org.gatehouse.policy.Requirement;

/**
 * Whether a requirement of a case's assessment is met, and by what: approval is possible only when every requirement
 * that must be met before approval has evidence. An expected refusal, as a value.
 */
public sealed interface Evidence permits Evidence.Present, Evidence.Missing {

    Requirement requirement();

    /** The requirement is met; {@code by} says by what (a granted pre-approval, a filed document and its hash…). */
    record Present(Requirement requirement, String by) implements Evidence {
        public Present {
            Objects.requireNonNull(requirement, "requirement");
            Objects.requireNonNull(by, "by");
        }
    }

    /** The requirement is not met; {@code why} says what is missing, in words an applicant can act on. */
    record Missing(Requirement requirement, String why) implements Evidence {
        public Missing {
            Objects.requireNonNull(requirement, "requirement");
            Objects.requireNonNull(why, "why");
        }
    }
}
