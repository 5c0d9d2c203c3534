package org.gatehouse.system;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

    @Bean
    HikariDataSource dataSource(DatabaseServer server, DatabaseProperties properties) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("gatehouse");
        pool.setJdbcUrl(server.jdbcUrl());
        pool.setUsername(server.user());
        pool.setPassword(server.password());
        pool.setMaximumPoolSize(properties.poolConnectionsMax());
        return pool;
    }

    /** The application's clock; tests replace it to move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
