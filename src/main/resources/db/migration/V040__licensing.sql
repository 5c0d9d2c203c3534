-- Licences, their versions and shipments; tier-1 exemptions and their post-shipment notifications (SPEC §6.3, §6.2).
-- A licence and an exemption are each read and written whole (lines as JSON, with what was shipped on each); the
-- columns beside them are what lists filter on and what the jobs select.

-- Licence numbers GH-<year>-<serial>: a sequence never hands out a value twice, even when the transaction that drew it
-- rolls back, so a number is never reused (gaps are possible and harmless).
CREATE SEQUENCE licence_serial AS bigint MINVALUE 1 MAXVALUE 999999999999 NO CYCLE;

CREATE TABLE licence (
    number                 text        PRIMARY KEY CHECK (number ~ '^GH-[0-9]{4}-[0-9]{6,12}$'),
    application_id         uuid        NOT NULL UNIQUE REFERENCES application (id),
    organization_id        uuid        NOT NULL REFERENCES organization (id),
    state                  text        NOT NULL CHECK (state IN ('ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED')),
    version                bigint      NOT NULL CHECK (version > 0),
    issued_by              text        NOT NULL CHECK (length(issued_by) BETWEEN 1 AND 200),
    issued_at              timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    valid_from             date        NOT NULL,
    valid_until            date        NOT NULL,
    destination            char(2)     NOT NULL,
    company_key            text        NOT NULL,
    content                jsonb       NOT NULL,
    conditions             jsonb       NOT NULL,
    officer_conditions     text,
    lines                  jsonb       NOT NULL,
    policy_id              text        NOT NULL,
    policy_version         text        NOT NULL,
    policy_sha256          char(64)    NOT NULL,
    tier                   text        CHECK (tier ~ '^[A-Z][A-Z0-9_]{0,15}$'),
    assessment             jsonb       NOT NULL,
    applicant_assessment   jsonb       NOT NULL,
    CHECK (valid_until >= valid_from)
);

CREATE INDEX licence_organization ON licence (organization_id, issued_at DESC);
CREATE INDEX licence_state ON licence (state, issued_at DESC);
CREATE INDEX licence_destination ON licence (destination, issued_at DESC);
-- The expiry job's question: live licences past their last valid day.
CREATE INDEX licence_expiring ON licence (valid_until) WHERE state IN ('ACTIVE', 'SUSPENDED');

-- Every version of a licence's terms, kept: an amended licence stays readable as it was.
CREATE TABLE licence_version (
    number                 text        NOT NULL REFERENCES licence (number),
    version                bigint      NOT NULL CHECK (version > 0),
    action                 text        NOT NULL CHECK (action IN ('issued', 'amended', 'suspended', 'reinstated',
                               'revoked', 'expired')),
    terms                  jsonb       NOT NULL,
    reason                 text,
    actor                  text        NOT NULL CHECK (length(actor) BETWEEN 1 AND 200),
    at                     timestamptz NOT NULL,
    assessment             jsonb,
    PRIMARY KEY (number, version)
);

CREATE TABLE shipment (
    id                     uuid        PRIMARY KEY,
    licence_number         text        NOT NULL REFERENCES licence (number),
    shipped_on             date        NOT NULL,
    lines                  jsonb       NOT NULL,
    drawdowns              jsonb       NOT NULL,
    value_usd              numeric(21, 2) NOT NULL CHECK (value_usd >= 0),
    tpp                    bigint      NOT NULL CHECK (tpp >= 0),
    test_report_sha256     char(64)    CHECK (test_report_sha256 ~ '^[0-9a-f]{64}$'),
    reference              text,
    reported_by            text        NOT NULL CHECK (length(reported_by) BETWEEN 1 AND 200),
    reported_at            timestamptz NOT NULL,
    idempotency_key        text        CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    request_sha256         char(64)    NOT NULL
);

CREATE INDEX shipment_licence ON shipment (licence_number, reported_at DESC);
-- A retry with the same Idempotency-Key finds the shipment it made; a test report serves one shipment.
CREATE UNIQUE INDEX shipment_idempotency_key ON shipment (licence_number, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE UNIQUE INDEX shipment_test_report ON shipment (licence_number, test_report_sha256)
    WHERE test_report_sha256 IS NOT NULL;

CREATE TABLE exemption (
    application_id         uuid        PRIMARY KEY REFERENCES application (id),
    organization_id        uuid        NOT NULL REFERENCES organization (id),
    state                  text        NOT NULL CHECK (state IN ('OPEN', 'COMPLETED', 'LAPSED', 'WITHDRAWN')),
    version                bigint      NOT NULL CHECK (version > 0),
    registered_at          timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    registered_on          date        NOT NULL,
    ship_by                date        NOT NULL,
    lapses_on              date        NOT NULL,
    notification_days      integer     NOT NULL CHECK (notification_days BETWEEN 1 AND 365),
    late_notifications     integer     NOT NULL DEFAULT 0 CHECK (late_notifications >= 0),
    destination            char(2)     NOT NULL,
    company_key            text        NOT NULL,
    content                jsonb       NOT NULL,
    lines                  jsonb       NOT NULL,
    policy_id              text        NOT NULL,
    policy_version         text        NOT NULL,
    policy_sha256          char(64)    NOT NULL,
    tier                   text        CHECK (tier ~ '^[A-Z][A-Z0-9_]{0,15}$'),
    CHECK (ship_by >= registered_on AND lapses_on > ship_by)
);

CREATE INDEX exemption_organization ON exemption (organization_id, registered_at DESC);
CREATE INDEX exemption_state ON exemption (state, registered_at DESC);
-- The lapse job's question: open exemptions whose period is over.
CREATE INDEX exemption_lapsing ON exemption (lapses_on) WHERE state = 'OPEN';

CREATE TABLE exemption_notification (
    id                     uuid        PRIMARY KEY,
    application_id         uuid        NOT NULL REFERENCES exemption (application_id),
    shipped_on             date        NOT NULL,
    lines                  jsonb       NOT NULL,
    drawdowns              jsonb       NOT NULL,
    tpp                    bigint      NOT NULL CHECK (tpp >= 0),
    reference              text,
    due_on                 date        NOT NULL,
    late                   boolean     NOT NULL,
    filed_by               text        NOT NULL CHECK (length(filed_by) BETWEEN 1 AND 200),
    filed_at               timestamptz NOT NULL,
    idempotency_key        text        CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    request_sha256         char(64)    NOT NULL
);

CREATE INDEX exemption_notification_exemption ON exemption_notification (application_id, filed_at DESC);
CREATE UNIQUE INDEX exemption_notification_idempotency_key ON exemption_notification (application_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

-- History is appended, never changed (as the audit log and the ledger's movements): versions, shipments and
-- notifications are records of what happened.
REVOKE UPDATE, DELETE, TRUNCATE ON licence_version FROM ${app_role};
REVOKE UPDATE, DELETE, TRUNCATE ON shipment FROM ${app_role};
REVOKE UPDATE, DELETE, TRUNCATE ON exemption_notification FROM ${app_role};
-- Licences and exemptions are records too: they change state, they are never removed.
REVOKE DELETE, TRUNCATE ON licence FROM ${app_role};
REVOKE DELETE, TRUNCATE ON exemption FROM ${app_role};
