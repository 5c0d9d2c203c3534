package org.gatehouse.preapproval;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The scheduled work of pre-approvals: those past their validity are recorded as EXPIRED, in batches of one
 * transaction each until nothing is due. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so servers sharing one
 * database split the work and nothing expires twice. Scheduled by {@link PreApprovalSchedule}; callable directly.
 */
@Component
public class PreApprovalJobs {

    /** Batches per run: a bound on one run's length; what is left is taken by the next run. */
    public static final int BATCHES_PER_RUN_MAX = 1_000;

    private static final Logger log = LoggerFactory.getLogger(PreApprovalJobs.class);

    private final PreApprovalService preApprovals;
    private final Clock clock;

    PreApprovalJobs(PreApprovalService preApprovals, Clock clock) {
        this.preApprovals = preApprovals;
        this.clock = clock;
    }

    /** Expires everything past its validity today; returns how many. */
    public int run() {
        LocalDate today = LocalDate.now(clock);
        int expired = 0;
        for (int batch = 0; batch < BATCHES_PER_RUN_MAX; batch++) {
            int done = preApprovals.expireDue(today);
            expired += done;
            if (done < PreApprovalService.EXPIRY_BATCH_MAX) {
                break;
            }
        }
        if (expired > 0) {
            log.info("Pre-approval job on {}: {} pre-approval(s) expired", today, expired);
        }
        return expired;
    }
}
