package org.gatehouse.licensing;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The scheduled work of licensing: licences past their validity expire, exemptions past their period lapse, each
 * releasing what was not shipped. Every run works in batches, one transaction each, until nothing is due; the rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so servers sharing one database split the work and nothing happens
 * twice. Scheduled by {@link LicensingSchedule}; callable directly (tests, operators).
 */
@Component
public class LicensingJobs {

    /** Batches per run: a bound on one run's length; what is left is taken by the next run. */
    public static final int BATCHES_PER_RUN_MAX = 1_000;

    private static final Logger log = LoggerFactory.getLogger(LicensingJobs.class);

    private final LicenceService licences;
    private final ExemptionService exemptions;
    private final Clock clock;
    private final int batchMax;

    LicensingJobs(LicenceService licences, ExemptionService exemptions, Clock clock, LicensingProperties properties) {
        this.licences = licences;
        this.exemptions = exemptions;
        this.clock = clock;
        this.batchMax = properties.jobsBatchMax();
    }

    /** What one run did. */
    public record Run(int expired, int lapsed) {}

    /** Expires and lapses everything due today. */
    public Run run() {
        LocalDate today = LocalDate.now(clock);
        int expired = 0;
        for (int batch = 0; batch < BATCHES_PER_RUN_MAX; batch++) {
            int done = licences.expireDue(ExemptionRegistrar.SYSTEM, today, batchMax);
            expired += done;
            if (done < batchMax) {
                break;
            }
        }
        int lapsed = 0;
        for (int batch = 0; batch < BATCHES_PER_RUN_MAX; batch++) {
            int done = exemptions.lapseDue(ExemptionRegistrar.SYSTEM, today, batchMax);
            lapsed += done;
            if (done < batchMax) {
                break;
            }
        }
        if (expired + lapsed > 0) {
            log.info("Licensing jobs on {}: {} licence(s) expired, {} exemption(s) lapsed", today, expired, lapsed);
        }
        return new Run(expired, lapsed);
    }
}
