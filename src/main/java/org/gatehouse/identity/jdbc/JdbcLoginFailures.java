package org.gatehouse.identity.jdbc;

import java.time.Instant;
import java.util.Optional;
import org.gatehouse.identity.security.LoginFailures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code login_failure} table (V011). Each call is its own statement: counts survive a failed sign-in. */
@Repository
class JdbcLoginFailures implements LoginFailures {

    private final JdbcClient jdbc;

    JdbcLoginFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Instant> lockedUntil(String usernameKey, String address) {
        return jdbc.sql("""
                SELECT locked_until FROM login_failure
                WHERE username_key = :user AND address = :address AND locked_until IS NOT NULL
                """)
                .param("user", usernameKey)
                .param("address", address)
                .query((rs, row) -> Times.instant(rs, "locked_until"))
                .optional();
    }

    /** One statement: two servers counting the same pair at once both count (the row lock orders them). */
    @Override
    public int countFailure(String usernameKey, String address, Instant now, Instant forgetBefore) {
        return jdbc.sql("""
                INSERT INTO login_failure AS f (username_key, address, failures, last_failure_at)
                VALUES (:user, :address, 1, :now)
                ON CONFLICT (username_key, address) DO UPDATE
                SET failures = CASE WHEN f.last_failure_at < :forgetBefore THEN 1 ELSE f.failures + 1 END,
                    locked_until = CASE WHEN f.last_failure_at < :forgetBefore THEN NULL ELSE f.locked_until END,
                    last_failure_at = :now
                RETURNING failures
                """)
                .param("user", usernameKey)
                .param("address", address)
                .param("now", Times.at(now))
                .param("forgetBefore", Times.at(forgetBefore))
                .query(Integer.class)
                .single();
    }

    @Override
    public void lock(String usernameKey, String address, Instant until) {
        jdbc.sql("UPDATE login_failure SET locked_until = :until WHERE username_key = :user AND address = :address")
                .param("until", Times.at(until))
                .param("user", usernameKey)
                .param("address", address)
                .update();
    }

    @Override
    public void clear(String usernameKey, String address) {
        jdbc.sql("DELETE FROM login_failure WHERE username_key = :user AND address = :address")
                .param("user", usernameKey)
                .param("address", address)
                .update();
    }

    @Override
    public void forget(Instant before) {
        jdbc.sql("DELETE FROM login_failure WHERE last_failure_at < :before")
                .param("before", Times.at(before))
                .update();
    }
}
