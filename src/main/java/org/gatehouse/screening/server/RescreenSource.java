package org.gatehouse.screening.server;

import java.util.List;
import java.util.UUID;
import org.gatehouse.screening.ScreeningHit;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;

/**
 * Companies held by a module above screening that an import of new list versions screens again, as it does open cases
 * and licences in force: the preapproval module's granted pre-approvals. The module implements it; {@link Rescreening}
 * pages through it in id order and records the new hits under {@link #subject()}.
 */
public interface RescreenSource {

    /** The kind of subject the hits are recorded under. */
    ScreeningHit.Subject subject();

    /** Up to {@code limit} subjects with an id above {@code after} (null: from the first), in id order. */
    List<Subject> after(UUID after, int limit);

    /** A company to screen again: the buyer, its ultimate parent and the countries it is covered in. */
    record Subject(UUID id, CompanyName company, CompanyName parent, List<CountryCode> countries) {}
}
