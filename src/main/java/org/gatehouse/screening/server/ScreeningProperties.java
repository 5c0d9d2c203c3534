package org.gatehouse.screening.server;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of screening on the server ({@code gatehouse.screening.*}).
 *
 * @param threshold the least score of a hit (SPEC §8: configurable; default the calibrated
 *     {@code Screener.THRESHOLD_DEFAULT}, 0.88)
 * @param importBundled whether the server imports the bundled 2021 snapshot when no list was ever imported
 * @param rescreenWaitSeconds how long an import waits for the re-screening it started before it answers without its
 *     counts (they are recorded on the list version when it finishes)
 */
@ConfigurationProperties("gatehouse.screening")
public record ScreeningProperties(
        @DefaultValue("0.88") double threshold,
        @DefaultValue("true") boolean importBundled,
        @DefaultValue("120") int rescreenWaitSeconds) {

    public ScreeningProperties {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("gatehouse.screening.threshold must be in (0, 1], got " + threshold);
        }
        if (rescreenWaitSeconds < 0 || rescreenWaitSeconds > 3_600) {
            throw new IllegalArgumentException("gatehouse.screening.rescreen-wait-seconds must be 0..3600");
        }
    }
}
