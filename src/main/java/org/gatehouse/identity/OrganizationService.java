package org.gatehouse.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gatehouse.audit.AuditEntry;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.NotFoundException;
import org.gatehouse.trade.OrganizationId;
import org.gatehouse.trade.Paging;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers and lists organizations. Only ADMIN registers; ADMIN and AUDITOR list; members read their own. */
@Service
public class OrganizationService {

    private final Organizations organizations;
    private final AuditLog auditLog;
    private final Clock clock;

    OrganizationService(Organizations organizations, AuditLog auditLog, Clock clock) {
        this.organizations = organizations;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** @throws ConflictException if an organization of that name exists (compared by canonical key: case, spacing, punctuation and look-alike letters ignored) */
    @Transactional
    public Organization create(CurrentUser caller, NewOrganization request) {
        caller.require(Role.ADMIN);
        caller.requireWriter();
        Organization organization = new Organization(
                OrganizationId.random(), request.name(), request.kind(), request.agency(), now(clock), 0);
        if (!organizations.insert(organization)) {
            throw new ConflictException("an organization named '" + request.name() + "' exists already (names are"
                    + " compared ignoring case, spacing, punctuation, invisible characters and look-alike letters)");
        }
        Map<String, Object> payload = new HashMap<>();
        payload.put("name", organization.name().value());
        payload.put("kind", organization.kind().name());
        if (organization.agency() != null) {
            payload.put("agency", organization.agency().name());
        }
        auditLog.append(new AuditEntry(
                caller.actor(),
                "organization.created",
                "organization",
                organization.id().toString(),
                payload));
        return organization;
    }

    @Transactional(readOnly = true)
    public List<Organization> list(CurrentUser caller, Paging paging) {
        caller.require(Role.ADMIN, Role.AUDITOR);
        return organizations.list(paging);
    }

    /** An organization its caller may see: its own, or any for ADMIN and AUDITOR; others are not found. */
    @Transactional(readOnly = true)
    public Organization get(CurrentUser caller, OrganizationId id) {
        if (!caller.hasAny(Role.ADMIN, Role.AUDITOR) && !caller.belongsTo(id)) {
            throw new NotFoundException("organization", id);
        }
        return organizations.find(id).orElseThrow(() -> new NotFoundException("organization", id));
    }

    /** By name, compared by canonical key (the CLI names organizations); ADMIN and AUDITOR only. */
    @Transactional(readOnly = true)
    public Organization getByName(CurrentUser caller, String name) {
        caller.require(Role.ADMIN, Role.AUDITOR);
        return organizations
                .findByName(name)
                .orElseThrow(() -> new NotFoundException("organization", "'" + name + "'"));
    }

    /** The database keeps microseconds: truncating here makes what we return equal what we read back. */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
