package org.gatehouse.licensing;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs {@link LicensingJobs} on the server ({@code gatehouse serve}, not the CLI's one-shot commands) at the interval
 * of {@link LicensingProperties}. A failed run is logged and the next one tries again.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableScheduling
class LicensingSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(LicensingSchedule.class);

    private final LicensingJobs jobs;
    private final LicensingProperties properties;

    LicensingSchedule(LicensingJobs jobs, LicensingProperties properties) {
        this.jobs = jobs;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!properties.jobsEnabled()) {
            log.info("Licensing jobs are off on this server (gatehouse.licensing.jobs-enabled=false)");
            return;
        }
        registrar.addFixedDelayTask(
                new FixedDelayTask(this::runOnce, properties.jobsInterval(), properties.jobsInitialDelay()));
    }

    private void runOnce() {
        try {
            jobs.run();
        } catch (RuntimeException e) {
            log.error("Licensing jobs failed at {}; the next run retries", Instant.now(), e);
        }
    }
}
