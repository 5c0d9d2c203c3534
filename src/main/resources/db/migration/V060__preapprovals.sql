-- Buyer pre-approvals (SPEC §7, tier 2) and on-site inspections of their sites. A pre-approval is kept whole in one
-- row (its sites as JSON); the audit log holds each change with the record before and after it. Company and ultimate
-- parent are stored as written and by canonical key, as the ledger keys them: evidence for a case looks pre-approvals
-- up by the key of the case's ultimate parent.
CREATE TABLE preapproval (
    id                     uuid        PRIMARY KEY,
    requested_by           uuid        NOT NULL REFERENCES organization (id),
    requester_role         text        NOT NULL CHECK (requester_role IN ('BUYER', 'APPLICANT')),
    requested_by_user      text        NOT NULL CHECK (length(requested_by_user) BETWEEN 1 AND 200),
    requested_at           timestamptz NOT NULL,
    company                text        NOT NULL CHECK (length(company) BETWEEN 1 AND 200),
    company_key            text        NOT NULL CHECK (length(company_key) BETWEEN 1 AND 1000),
    parent                 text        NOT NULL CHECK (length(parent) BETWEEN 1 AND 200),
    parent_key             text        NOT NULL CHECK (length(parent_key) BETWEEN 1 AND 1000),
    countries              text[]      NOT NULL CHECK (cardinality(countries) BETWEEN 1 AND 50),
    sites                  jsonb       NOT NULL CHECK (jsonb_typeof(sites) = 'array'),
    disclosure_name        text        NOT NULL CHECK (length(disclosure_name) BETWEEN 1 AND 200),
    disclosure_media_type  text        NOT NULL CHECK (length(disclosure_media_type) BETWEEN 1 AND 100),
    disclosure_sha256      char(64)    NOT NULL,
    disclosure_size_bytes  bigint      NOT NULL CHECK (disclosure_size_bytes >= 0),
    inspection_consent     boolean     NOT NULL,
    requested_from         date        NOT NULL,
    requested_until        date        NOT NULL CHECK (requested_until >= requested_from),
    state                  text        NOT NULL CHECK (state IN ('REQUESTED', 'UNDER_REVIEW', 'GRANTED', 'DENIED',
                               'SUSPENDED', 'REINSTATED', 'REVOKED', 'EXPIRED')),
    version                integer     NOT NULL CHECK (version > 0),
    conditions             text        CHECK (length(conditions) <= 4000),
    valid_from             date,
    valid_until            date        CHECK (valid_until >= valid_from),
    reason                 text        CHECK (length(reason) <= 4000),
    changed_by             text        NOT NULL CHECK (length(changed_by) BETWEEN 1 AND 200),
    changed_at             timestamptz NOT NULL,
    CHECK ((valid_from IS NULL) = (valid_until IS NULL)),
    -- Every state after a grant has its validity.
    CHECK (state IN ('REQUESTED', 'UNDER_REVIEW', 'DENIED') OR valid_until IS NOT NULL)
);

CREATE INDEX preapproval_parent ON preapproval (parent_key, changed_at DESC);
CREATE INDEX preapproval_company ON preapproval (company_key);
CREATE INDEX preapproval_requested_by ON preapproval (requested_by, requested_at DESC);
CREATE INDEX preapproval_requested_at ON preapproval (requested_at DESC, id);
-- The expiry job's scan: live pre-approvals by the end of their validity.
CREATE INDEX preapproval_expiring ON preapproval (valid_until) WHERE state IN ('GRANTED', 'REINSTATED', 'SUSPENDED');

CREATE TABLE inspection (
    id                   uuid        PRIMARY KEY,
    preapproval_id       uuid        NOT NULL REFERENCES preapproval (id),
    site_name            text        NOT NULL CHECK (length(site_name) BETWEEN 1 AND 200),
    site_country         char(2)     NOT NULL,
    site_address         text        NOT NULL CHECK (length(site_address) BETWEEN 1 AND 500),
    scheduled_for        date        NOT NULL,
    inspector            text        NOT NULL CHECK (length(inspector) BETWEEN 1 AND 64),
    scheduled_by         text        NOT NULL CHECK (length(scheduled_by) BETWEEN 1 AND 200),
    scheduled_at         timestamptz NOT NULL,
    state                text        NOT NULL CHECK (state IN ('SCHEDULED', 'RECORDED')),
    version              integer     NOT NULL CHECK (version > 0),
    performed_on         date,
    outcome              text        CHECK (outcome IN ('SATISFACTORY', 'FINDINGS', 'FAILED')),
    findings             text        CHECK (length(findings) <= 4000),
    report_sha256        char(64),
    remediation_due_on   date,
    recorded_by          text,
    recorded_at          timestamptz,
    CHECK ((state = 'RECORDED') = (outcome IS NOT NULL)),
    CHECK (outcome IS NULL OR (performed_on IS NOT NULL AND report_sha256 IS NOT NULL AND recorded_by IS NOT NULL
        AND recorded_at IS NOT NULL)),
    CHECK ((outcome = 'FINDINGS') = (remediation_due_on IS NOT NULL))
);

CREATE INDEX inspection_preapproval ON inspection (preapproval_id, scheduled_for);
CREATE INDEX inspection_inspector ON inspection (inspector, scheduled_for);
