-- Government-to-government agreements (SPEC §7, tier 3). An agreement is kept whole in one row: its security
-- commitments and its investment schedule (tranches with their realizations) as JSON arrays, changed only by a save
-- naming the version it read. The allocation's drawn total is its own column, changed only by guarded updates (a draw
-- never takes it above the allocation, a give-back never below zero), so approvals racing for it need no other lock.
CREATE TABLE agreement (
    id                      uuid          PRIMARY KEY,
    country                 char(2)       NOT NULL CHECK (country <> 'US'),
    title                   text          NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    signatories             jsonb         NOT NULL CHECK (jsonb_typeof(signatories) = 'array'),
    status                  text          NOT NULL CHECK (status IN ('DRAFT', 'SIGNED', 'IN_FORCE', 'TERMINATED')),
    version                 integer       NOT NULL CHECK (version > 0),
    signed_on               date,
    in_force_on             date          CHECK (in_force_on >= signed_on),
    terminated_on           date,
    termination_reason      text          CHECK (length(termination_reason) <= 4000),
    pledged_usd             numeric(19,2) NOT NULL CHECK (pledged_usd >= 0),
    matching_ratio          numeric(8,4)  NOT NULL CHECK (matching_ratio > 0),
    home_investment_usd     numeric(19,2) CHECK (home_investment_usd >= 0),
    commitments             jsonb         NOT NULL CHECK (jsonb_typeof(commitments) = 'array'),
    tranches                jsonb         NOT NULL CHECK (jsonb_typeof(tranches) = 'array'),
    allocation_gb300e       bigint        CHECK (allocation_gb300e > 0),
    allocation_tpp          bigint        CHECK (allocation_tpp > 0),
    reference_tpp           bigint        CHECK (reference_tpp > 0),
    allocation_drawn_tpp    bigint        NOT NULL DEFAULT 0 CHECK (allocation_drawn_tpp >= 0),
    created_by              text          NOT NULL CHECK (length(created_by) BETWEEN 1 AND 200),
    created_at              timestamptz   NOT NULL,
    changed_by              text          NOT NULL CHECK (length(changed_by) BETWEEN 1 AND 200),
    changed_at              timestamptz   NOT NULL,
    CHECK ((allocation_tpp IS NULL) = (allocation_gb300e IS NULL)
        AND (allocation_tpp IS NULL) = (reference_tpp IS NULL)),
    -- The invariant the draws keep, stated where nothing can bypass it.
    CHECK (allocation_drawn_tpp <= coalesce(allocation_tpp, 0))
);

-- One agreement per country at a time: a new one is recorded once the last is terminated.
CREATE UNIQUE INDEX agreement_one_per_country ON agreement (country) WHERE status <> 'TERMINATED';
CREATE INDEX agreement_country ON agreement (country, changed_at DESC);

-- What each approved tier-3 application drew from an allocation, and what it gave back (licence expired or revoked
-- unshipped). One row per application: an application is approved once.
CREATE TABLE agreement_draw (
    application_id   uuid        PRIMARY KEY REFERENCES application (id),
    agreement_id     uuid        NOT NULL REFERENCES agreement (id),
    tpp              bigint      NOT NULL CHECK (tpp > 0),
    returned_tpp     bigint      NOT NULL DEFAULT 0 CHECK (returned_tpp BETWEEN 0 AND tpp),
    drawn_by         text        NOT NULL CHECK (length(drawn_by) BETWEEN 1 AND 200),
    drawn_at         timestamptz NOT NULL,
    returned_at      timestamptz
);

CREATE INDEX agreement_draw_agreement ON agreement_draw (agreement_id, drawn_at DESC);
