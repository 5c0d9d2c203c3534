package org.gatehouse.preapproval;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The pre-approval expiry job ({@code gatehouse.preapproval.*}): runs on every server every {@code jobsInterval};
 * servers sharing a database split the work (SKIP LOCKED). Evidence checks the validity on use, so a pre-approval past
 * its validity covers nothing whether or not the job has run.
 *
 * @param jobsEnabled whether this server runs the job
 * @param jobsInterval time between the end of one run and the start of the next
 * @param jobsInitialDelay time from start to the first run
 */
@ConfigurationProperties("gatehouse.preapproval")
public record PreApprovalProperties(
        @DefaultValue("true") boolean jobsEnabled,
        @DefaultValue("PT10M") Duration jobsInterval,
        @DefaultValue("PT30S") Duration jobsInitialDelay) {

    /** Shortest interval accepted: each run scans an index, so a few seconds is already frequent. */
    public static final Duration INTERVAL_MIN = Duration.ofSeconds(1);

    public PreApprovalProperties {
        if (jobsInterval.compareTo(INTERVAL_MIN) < 0) {
            throw new IllegalArgumentException(
                    "gatehouse.preapproval.jobs-interval must be at least " + INTERVAL_MIN + ", got " + jobsInterval);
        }
        if (jobsInitialDelay.isNegative()) {
            throw new IllegalArgumentException(
                    "gatehouse.preapproval.jobs-initial-delay must not be negative, got " + jobsInitialDelay);
        }
    }
}
