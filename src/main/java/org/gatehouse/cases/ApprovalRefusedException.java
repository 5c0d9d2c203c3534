package org.gatehouse.cases;

import java.util.List;
import org.gatehouse.trade.ConflictException;

/** An approval that is not possible yet (answered 409): names every missing requirement and every other reason. */
public class ApprovalRefusedException extends ConflictException {

    public ApprovalRefusedException(List<String> reasons) {
        super("cannot approve yet: " + String.join("; ", reasons), reasons);
    }
}
