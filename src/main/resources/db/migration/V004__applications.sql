-- Licence applications (SPEC §6.1). The applicant's content is kept whole as JSON (the aggregate is
-- always read and written whole); the columns beside it are what lists filter and sort on.

CREATE TABLE application (
    id               uuid        PRIMARY KEY,
    organization_id  uuid        NOT NULL REFERENCES organization (id),
    state            text        NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'REFERRED',
                         'HELD_WITHOUT_ACTION', 'APPROVED', 'APPROVED_WITH_CONDITIONS', 'DENIED',
                         'RETURNED_WITHOUT_ACTION', 'WITHDRAWN', 'EXEMPT', 'DISCARDED')),
    version          integer     NOT NULL CHECK (version > 0),
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    submitted_at     timestamptz,
    reference        text,
    destination      char(2)     NOT NULL,
    end_user         text        NOT NULL,
    company_key      text        NOT NULL,
    company          text        NOT NULL,
    content          jsonb       NOT NULL,
    policy_id        text,
    policy_version   text,
    policy_sha256    char(64),
    outcome          text        CHECK (outcome IN ('NOT_CONTROLLED', 'EXEMPT', 'LICENSE_REQUIRED', 'PROHIBITED')),
    tier             text,
    review_path      text,
    controlled_tpp   bigint      CHECK (controlled_tpp >= 0),
    assessment       jsonb,
    CHECK ((state = 'DRAFT' OR state = 'DISCARDED') = (submitted_at IS NULL)),
    CHECK ((submitted_at IS NULL) = (assessment IS NULL))
);

CREATE INDEX application_organization ON application (organization_id, created_at DESC);
CREATE INDEX application_state ON application (state, created_at DESC);
CREATE INDEX application_destination ON application (destination, created_at DESC);
CREATE INDEX application_company ON application (company_key, created_at DESC);

-- Idempotency-Key (create, submit): the first request with a key does the work; a retry with the
-- same key gets the same application back. The primary key makes concurrent retries wait for the
-- first one to commit (or roll back) instead of racing it.
CREATE TABLE idempotency_key (
    organization_id  uuid        NOT NULL REFERENCES organization (id),
    operation        text        NOT NULL,
    key              text        NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    request_sha256   char(64)    NOT NULL,
    application_id   uuid        REFERENCES application (id),
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (organization_id, operation, key)
);
