package org.gatehouse.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.gatehouse.IntegrationTest;
import org.gatehouse.TestCallers;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.UserService;
import org.gatehouse.policy.Outcome;
import org.gatehouse.trade.ApplicationId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Submission and withdrawal publish their domain events through Spring Modulith's JDBC event publication registry:
 * a listener in another module receives them after the commit, and a publication whose listener failed stays in the
 * registry until it is published again (so a crash between commit and listener loses no reaction).
 */
@IntegrationTest
@Import(ApplicationEventsIntegrationTests.Listeners.class)
class ApplicationEventsIntegrationTests {

    /** A reacting module, as the case workflow will be: records what it hears; fails once when told to. */
    @TestConfiguration
    static class Listeners {

        static final BlockingQueue<Object> HEARD = new LinkedBlockingQueue<>();
        static volatile ApplicationId failOnceFor;

        @Bean
        Listener listener() {
            return new Listener();
        }
    }

    static class Listener {

        @ApplicationModuleListener
        void on(ApplicationSubmitted event) {
            if (event.applicationId().equals(Listeners.failOnceFor)) {
                Listeners.failOnceFor = null;
                throw new IllegalStateException("the listener's transaction fails (as a crash would)");
            }
            Listeners.HEARD.add(event);
        }

        @ApplicationModuleListener
        void on(ApplicationWithdrawn event) {
            Listeners.HEARD.add(event);
        }
    }

    @Autowired
    ApplicationService applications;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncompleteEventPublications incomplete;

    @Test
    void aListenerHearsTheSubmissionAndTheWithdrawalAfterTheirCommits() throws Exception {
        CurrentUser exporter = exporter();
        Application draft = applications
                .create(exporter, ApplicationFixtures.aDeal("SA", "H100", 5_000), null, "events-1")
                .application();

        applications.submit(exporter, draft.id(), 1L, null);
        ApplicationSubmitted submitted = next(ApplicationSubmitted.class, draft.id());
        assertThat(submitted.outcome()).isEqualTo(Outcome.LICENSE_REQUIRED);
        assertThat(submitted.state()).isEqualTo(ApplicationState.SUBMITTED);
        assertThat(submitted.organizationId()).isEqualTo(exporter.organizationId());

        applications.withdraw(exporter, draft.id(), 2);
        ApplicationWithdrawn withdrawn = next(ApplicationWithdrawn.class, draft.id());
        assertThat(withdrawn.from()).isEqualTo(ApplicationState.SUBMITTED);
        awaitPending(0);
    }

    @Test
    void aPublicationWhoseListenerFailedIsKeptAndPublishedAgain() throws Exception {
        CurrentUser exporter = exporter();
        Application draft = applications
                .create(exporter, ApplicationFixtures.aDeal("AE", "H100", 5_000), null, "events-2")
                .application();
        Listeners.failOnceFor = draft.id();

        applications.submit(exporter, draft.id(), 1L, null);
        awaitPending(1);
        assertThat(jdbc.sql("SELECT serialized_event FROM event_publication WHERE completion_date IS NULL")
                        .query(String.class)
                        .single())
                .contains(draft.id().toString());

        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
        assertThat(next(ApplicationSubmitted.class, draft.id()).applicationId()).isEqualTo(draft.id());
        awaitPending(0);
    }

    private CurrentUser exporter() {
        return users.withOrganization(TestCallers.user(users, Role.APPLICANT)).orElseThrow();
    }

    private static <T> T next(Class<T> type, ApplicationId id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Object event = Listeners.HEARD.poll(100, TimeUnit.MILLISECONDS);
            if (type.isInstance(event) && event.toString().contains(id.toString())) {
                return type.cast(event);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " for " + id + " within 10 s");
    }

    private long pendingPublications() {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                .query(Long.class)
                .single();
    }

    private void awaitPending(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pendingPublications() != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(pendingPublications()).isEqualTo(expected);
    }
}
