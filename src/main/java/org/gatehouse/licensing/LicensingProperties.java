package org.gatehouse.licensing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The licensing jobs ({@code gatehouse.licensing.*}): licence expiry and exemption lapse run on every server, one
 * after the other, every {@code jobsInterval}; servers sharing a database split the work (SKIP LOCKED).
 *
 * @param jobsEnabled whether this server runs the jobs (shipments are refused after expiry whether or not they ran)
 * @param jobsInterval time between the end of one run and the start of the next
 * @param jobsInitialDelay time from start to the first run
 * @param jobsBatchMax licences (or exemptions) expired (or lapsed) per transaction: bounds the rows locked and the
 *     audit events appended at once; a run takes batch after batch until nothing is due
 */
@ConfigurationProperties("gatehouse.licensing")
public record LicensingProperties(
        @DefaultValue("true") boolean jobsEnabled,
        @DefaultValue("PT10M") Duration jobsInterval,
        @DefaultValue("PT30S") Duration jobsInitialDelay,
        @DefaultValue("100") int jobsBatchMax) {

    /** Shortest interval accepted: each run scans an index, so a few seconds is already frequent. */
    public static final Duration INTERVAL_MIN = Duration.ofSeconds(1);

    /** Largest batch: a transaction that long holds the audit chain's lock for too long. */
    public static final int BATCH_MAX = 1_000;

    public LicensingProperties {
        if (jobsInterval.compareTo(INTERVAL_MIN) < 0) {
            throw new IllegalArgumentException(
                    "gatehouse.licensing.jobs-interval must be at least " + INTERVAL_MIN + ", got " + jobsInterval);
        }
        if (jobsBatchMax < 1 || jobsBatchMax > BATCH_MAX) {
            throw new IllegalArgumentException(
                    "gatehouse.licensing.jobs-batch-max must be 1.." + BATCH_MAX + ", got " + jobsBatchMax);
        }
        if (jobsInitialDelay.isNegative()) {
            throw new IllegalArgumentException(
                    "gatehouse.licensing.jobs-initial-delay must not be negative, got " + jobsInitialDelay);
        }
    }
}
