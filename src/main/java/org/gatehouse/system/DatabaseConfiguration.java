package org.gatehouse.system;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Gives the application its database: the pool is built on {@link DatabaseServer}, so Spring closes
 * the pool before it stops the embedded server.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(DatabaseProperties properties) {
        return DatabaseServer.open(properties.settings());
    }

    /** The application's pool, as the application's role. */
    @Bean
    @Primary
    HikariDataSource dataSource(DatabaseServer server, DatabaseProperties properties) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("gatehouse");
        pool.setJdbcUrl(server.jdbcUrl());
        pool.setUsername(server.user());
        pool.setPassword(server.password());
        pool.setMaximumPoolSize(properties.poolConnectionsMax());
        return pool;
    }

    /** The migrations run as the schema owner, on connections of their own. */
    @Bean
    @FlywayDataSource
    DataSource migrationDataSource(DatabaseServer server) {
        return server.ownerDataSource();
    }

    /**
     * {@code ${app_role}} in the migrations is the application's role, which they grant rows (not tables) to
     * (V010__runtime_role.sql); migration 012 is Java ({@link V012__CanonicalCompanyKeys}).
     */
    @Bean
    FlywayConfigurationCustomizer applicationRolePlaceholder(DatabaseServer server) {
        return configuration -> configuration
                .placeholders(Map.of("app_role", identifier(server.user())))
                .javaMigrations(new V012__CanonicalCompanyKeys());
    }

    /** A role name as a quoted SQL identifier. */
    static String identifier(String role) {
        return "\"" + role.replace("\"", "\"\"") + "\"";
    }

    /**
     * The application's clock, in whole microseconds: PostgreSQL keeps timestamps to the microsecond, so an instant
     * read back equals the one written (a case's clocks compare them to the day). Tests replace it to move time.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
