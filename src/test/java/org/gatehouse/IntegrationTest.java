package org.gatehouse;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port over a throw-away embedded PostgreSQL. Every test class
 * with this annotation shares one application context, hence one database: assert on differences.
 *
 * <p>The demo accounts exist (one per role, password {@link #DEMO_PASSWORD}); {@code TestCallers}
 * gives API tokens for them. The demo world is not seeded here ({@code DemoWorldIntegrationTests}
 * tests it in a context of its own). Every test logs in from 127.0.0.1, so the per-address login throttle
 * is set out of reach here (it is tested on its own); the per-username one stays as in production.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        classes = GatehouseApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gatehouse.database.ephemeral=true",
            "gatehouse.demo=true",
            "gatehouse.demo-world=false",
            "gatehouse.demo-password=" + IntegrationTest.DEMO_PASSWORD,
        })
public @interface IntegrationTest {

    /** The password of every demo account in tests. */
    String DEMO_PASSWORD = "correct horse battery staple";
}
