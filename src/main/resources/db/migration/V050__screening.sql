-- Restricted-party screening on the server (SPEC §8, issue 12): list versions, the hits found on applications and
-- pre-approvals with their dispositions, and the authority's register of companies.

-- One imported version of one list (source). The active version of a source is its latest; the files are kept whole
-- so that every server builds the same screener from the database, and a hit names the exact version it came from.
CREATE TABLE screening_list_version (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source          text        NOT NULL CHECK (source ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$'),
    sha256          char(64)    NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    entry_count     integer     NOT NULL CHECK (entry_count >= 0),
    label           text        CHECK (length(label) BETWEEN 1 AND 200),
    imported_at     timestamptz NOT NULL,
    imported_by     text        NOT NULL CHECK (length(imported_by) BETWEEN 1 AND 200),
    -- Filled when the re-screening that the import started has finished (null: not yet, or a crash: it is resumed).
    rescreened_at   timestamptz,
    rescreened      integer     CHECK (rescreened >= 0),
    new_hits        integer     CHECK (new_hits >= 0)
);

CREATE INDEX screening_list_version_source ON screening_list_version (source, id DESC);

CREATE TABLE screening_list_file (
    version_id      bigint      NOT NULL REFERENCES screening_list_version (id),
    position        integer     NOT NULL CHECK (position >= 0),
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
    sha256          char(64)    NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    bytes           bigint      NOT NULL CHECK (bytes >= 0),
    content         bytea       NOT NULL,
    PRIMARY KEY (version_id, position)
);

-- A listed party found for a party of an application (at submission or when a new list version re-screened it) or of
-- a pre-approval request. One row per (subject, party, list entry, kind): a re-screening records only what is new.
-- An officer dispositions each: TRUE_MATCH (the application is prohibited, its case denied) or FALSE_POSITIVE.
CREATE TABLE screening_hit (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_kind    text        NOT NULL CHECK (subject_kind IN ('APPLICATION', 'PREAPPROVAL')),
    subject_id      uuid        NOT NULL,
    party_role      text        NOT NULL CHECK (length(party_role) BETWEEN 1 AND 60),
    party_name      text        NOT NULL CHECK (length(party_name) BETWEEN 1 AND 500),
    party_key       text        NOT NULL CHECK (length(party_key) BETWEEN 1 AND 1000),
    party_country   char(2),
    kind            text        NOT NULL CHECK (kind IN ('NAME', 'OWNERSHIP')),
    list_source     text        NOT NULL,
    list_version_id bigint      NOT NULL REFERENCES screening_list_version (id),
    entry_id        text        NOT NULL CHECK (length(entry_id) BETWEEN 1 AND 200),
    matched_name    text        NOT NULL,
    score           numeric(7, 6) NOT NULL CHECK (score >= 0 AND score <= 1),
    explanation     text        NOT NULL,
    path            text,
    found_at        timestamptz NOT NULL,
    found_by        text        NOT NULL CHECK (found_by IN ('SUBMISSION', 'REQUEST', 'RESCREEN')),
    disposition     text        CHECK (disposition IN ('TRUE_MATCH', 'FALSE_POSITIVE')),
    reason          text        CHECK (length(reason) BETWEEN 1 AND 4000),
    dispositioned_by text,
    dispositioned_at timestamptz,
    CHECK ((disposition IS NULL) = (reason IS NULL) AND (disposition IS NULL) = (dispositioned_at IS NULL)),
    CHECK ((kind = 'OWNERSHIP') = (path IS NOT NULL)),
    UNIQUE (subject_kind, subject_id, party_key, kind, list_source, entry_id)
);

CREATE INDEX screening_hit_pending ON screening_hit (found_at, id) WHERE disposition IS NULL;

-- The register of companies (entity resolution for the ledger): each company, every name it is known by (its name
-- and aliases, by canonical key: one key names at most one company), its identifiers (an LEI…) and its owners.
CREATE TABLE register_company (
    id              uuid        PRIMARY KEY,
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    key             text        NOT NULL UNIQUE CHECK (length(key) BETWEEN 1 AND 1000),
    country         char(2)     CHECK (country ~ '^[A-Z]{2}$'),
    version         integer     NOT NULL CHECK (version > 0),
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    updated_at      timestamptz NOT NULL,
    updated_by      text        NOT NULL
);

CREATE TABLE register_name (
    key             text        PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 1000),
    company_id      uuid        NOT NULL REFERENCES register_company (id),
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    alias           boolean     NOT NULL
);

CREATE INDEX register_name_company ON register_name (company_id);

CREATE TABLE register_identifier (
    scheme          text        NOT NULL CHECK (scheme ~ '^[A-Z][A-Z0-9_]{1,19}$'),
    value           text        NOT NULL CHECK (length(value) BETWEEN 1 AND 100),
    company_id      uuid        NOT NULL REFERENCES register_company (id),
    PRIMARY KEY (scheme, value)
);

CREATE INDEX register_identifier_company ON register_identifier (company_id);

CREATE TABLE register_owner (
    company_id      uuid        NOT NULL REFERENCES register_company (id),
    owner_id        uuid        NOT NULL REFERENCES register_company (id),
    percent         numeric(5, 2) NOT NULL CHECK (percent > 0 AND percent <= 100),
    PRIMARY KEY (company_id, owner_id),
    CHECK (company_id <> owner_id)
);

CREATE INDEX register_owner_owner ON register_owner (owner_id);

-- A party of a submitted application whose name is not registered but resembles a registered company (same matcher
-- as screening): an officer confirms it (the application's compute then counts under the registered company) or
-- separates it (a different company; the pair is not proposed again).
CREATE TABLE register_match (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id  uuid        NOT NULL REFERENCES application (id),
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    key             text        NOT NULL,
    roles           text[]      NOT NULL,
    company_id      uuid        NOT NULL REFERENCES register_company (id),
    score           numeric(7, 6) NOT NULL CHECK (score >= 0 AND score <= 1),
    explanation     text        NOT NULL,
    state           text        NOT NULL CHECK (state IN ('PENDING', 'CONFIRMED', 'SEPARATED')),
    found_at        timestamptz NOT NULL,
    reason          text        CHECK (length(reason) BETWEEN 1 AND 4000),
    decided_by      text,
    decided_at      timestamptz,
    CHECK ((state = 'PENDING') = (decided_at IS NULL)),
    UNIQUE (application_id, key, company_id)
);

CREATE INDEX register_match_pending ON register_match (found_at, id) WHERE state = 'PENDING';

CREATE TABLE register_separated (
    key             text        NOT NULL,
    company_id      uuid        NOT NULL REFERENCES register_company (id),
    PRIMARY KEY (key, company_id)
);

-- Counts the changes of the register, in their transactions: a server rebuilds its matcher of registered names when it
-- has changed (one row; its lock also makes register changes serial).
CREATE TABLE register_state (
    only_row        boolean     PRIMARY KEY DEFAULT true CHECK (only_row),
    generation      bigint      NOT NULL CHECK (generation >= 0)
);

INSERT INTO register_state (only_row, generation) VALUES (true, 0);
REVOKE DELETE, TRUNCATE ON register_state FROM ${app_role};
