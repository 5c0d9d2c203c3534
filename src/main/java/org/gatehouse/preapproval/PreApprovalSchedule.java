package org.gatehouse.preapproval;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs {@link PreApprovalJobs} on the server ({@code gatehouse serve}, not the CLI's one-shot commands) at the interval
 * of {@link PreApprovalProperties}. A failed run is logged and the next one tries again.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableScheduling
class PreApprovalSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(PreApprovalSchedule.class);

    private final PreApprovalJobs jobs;
    private final PreApprovalProperties properties;

    PreApprovalSchedule(PreApprovalJobs jobs, PreApprovalProperties properties) {
        this.jobs = jobs;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!properties.jobsEnabled()) {
            log.info("The pre-approval expiry job is off on this server (gatehouse.preapproval.jobs-enabled=false)");
            return;
        }
        registrar.addFixedDelayTask(
                new FixedDelayTask(this::runOnce, properties.jobsInterval(), properties.jobsInitialDelay()));
    }

    private void runOnce() {
        try {
            jobs.run();
        } catch (RuntimeException e) {
            log.error("The pre-approval expiry job failed; the next run retries", e);
        }
    }
}
