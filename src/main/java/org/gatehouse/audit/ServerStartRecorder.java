package org.gatehouse.audit;

import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records each start of the server in the audit log, so the log shows which version ran when. Only
 * for the web server: CLI commands that start the application context are not server starts.
 */
@Component
@ConditionalOnWebApplication
class ServerStartRecorder {

    private final AuditLog auditLog;
    private final TransactionTemplate transactions;
    private final ObjectProvider<BuildProperties> build;

    ServerStartRecorder(AuditLog auditLog, TransactionTemplate transactions, ObjectProvider<BuildProperties> build) {
        this.auditLog = auditLog;
        this.transactions = transactions;
        this.build = build;
    }

    @EventListener(ApplicationReadyEvent.class)
    void serverReady() {
        BuildProperties properties = build.getIfAvailable();
        String version = properties == null ? "unknown" : properties.getVersion();
        transactions.executeWithoutResult(status -> auditLog.append(
                new AuditEntry("system", "server.started", "server", "gatehouse", Map.of("version", version))));
    }
}
