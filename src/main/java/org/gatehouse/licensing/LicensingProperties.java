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
 */
@ConfigurationProperties("gatehouse.licensing")
public record LicensingProperties(
        @DefaultValue("true") boolean jobsEnabled,
        @DefaultValue("PT10M") Duration jobsInterval,
        @DefaultValue("PT30S") Duration jobsInitialDelay) {

    /** Shortest interval accepted: each run scans an index, so a few seconds is already frequent. */
    public static final Duration INTERVAL_MIN = Duration.ofSeconds(1);

    public LicensingProperties {
        if (jobsInterval.compareTo(INTERVAL_MIN) < 0) {
            throw new IllegalArgumentException(
                    "gatehouse.licensing.jobs-interval must be at least " + INTERVAL_MIN + ", got " + jobsInterval);
        }
        if (jobsInitialDelay.isNegative()) {
            throw new IllegalArgumentException(
                    "gatehouse.licensing.jobs-initial-delay must not be negative, got " + jobsInitialDelay);
        }
    }
}
