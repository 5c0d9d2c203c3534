package org.gatehouse.licensing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.gatehouse.IntegrationTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link IntegrationTest} with a {@link MovableClock}: one application context, shared by the licensing scenarios that
 * move time (expiry, late notifications, lapse), beside the one every other integration test shares. The scheduled
 * jobs are off here: the scenarios run them when they mean to, so a background run cannot land between two of their
 * observations.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@Import(MovableClock.Config.class)
@TestPropertySource(properties = "gatehouse.licensing.jobs-enabled=false")
public @interface LicensingIntegrationTest {}
