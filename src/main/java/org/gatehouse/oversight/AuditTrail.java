package org.gatehouse.oversight;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.gatehouse.audit.AuditEvent;
import org.gatehouse.audit.AuditQueries;
import org.gatehouse.audit.AuditVerifier;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.trade.ConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log for auditors: its events, filtered and paged, and verification of the whole chain (what
 * {@code gatehouse audit verify} does). Only AUDITOR: the log holds every organization's changes, sign-in failures and
 * client addresses, and its verification reads the whole log; officers see a record's history on its own page.
 */
@Service
public class AuditTrail {

    private final AuditQueries queries;
    private final DataSource dataSource;

    /** One verification at a time: it reads the whole log on several threads, so a second would only slow both. */
    private final Semaphore verifying = new Semaphore(1);

    AuditTrail(AuditQueries queries, DataSource dataSource) {
        this.queries = queries;
        this.dataSource = dataSource;
    }

    /** A page of events matching {@code query}, newest first; AUDITOR only. */
    @Transactional(readOnly = true)
    public List<AuditEvent> events(CurrentUser caller, AuditQueries.Query query, int limit) {
        caller.require(Role.AUDITOR);
        return queries.find(query, limit);
    }

    /**
     * Recomputes the whole chain from the database and names the first event that does not verify; AUDITOR only.
     *
     * @throws ConflictException when a verification is already running
     */
    public AuditVerifier.Result verify(CurrentUser caller) {
        caller.require(Role.AUDITOR);
        if (!verifying.tryAcquire()) {
            throw new ConflictException("a verification of the chain is already running; try again when it has ended");
        }
        try {
            return new AuditVerifier().verify(dataSource);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log: " + e.getMessage(), e);
        } finally {
            verifying.release();
        }
    }
}
