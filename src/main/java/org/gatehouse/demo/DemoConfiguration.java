package org.gatehouse.demo;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The demo world is seeded when {@code gatehouse.demo=true} ({@code serve --demo}) unless
 * {@code gatehouse.demo-world=false} (the tests that only need the demo accounts). Its clock replaces the
 * application's so that each past step of the story is recorded at its own moment.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(DemoConfiguration.ENABLED)
class DemoConfiguration {

    static final String ENABLED = "${gatehouse.demo:false} and ${gatehouse.demo-world:true}";

    @Bean
    @Primary
    SeedingClock seedingClock(@Qualifier("clock") Clock clock) {
        return new SeedingClock(clock);
    }
}
