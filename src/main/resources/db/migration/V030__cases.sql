-- Case review (SPEC §6.2). A case's history (case_event) is its record: state, referrals, hold, documents, decision
-- and every statutory clock are derived from it. The case row holds what queues filter and sort on; due_at is a sort
-- key derived from the history at each change (the nearest moment a running clock runs out), not a countdown.
CREATE TABLE review_case (
    application_id   uuid        PRIMARY KEY REFERENCES application (id),
    organization_id  uuid        NOT NULL REFERENCES organization (id),
    state            text        NOT NULL CHECK (state IN ('IN_REVIEW', 'REFERRED', 'HELD_WITHOUT_ACTION',
                         'RETURNED_WITHOUT_ACTION', 'WITHDRAWN', 'DECIDED')),
    version          integer     NOT NULL CHECK (version > 0),
    assignee         text        CHECK (length(assignee) BETWEEN 1 AND 64),
    registered_at    timestamptz NOT NULL,
    due_at           timestamptz,
    updated_at       timestamptz NOT NULL,
    policy_id        text        NOT NULL,
    policy_version   text        NOT NULL,
    policy_sha256    char(64)    NOT NULL,
    outcome          text        NOT NULL CHECK (outcome IN ('NOT_CONTROLLED', 'EXEMPT', 'LICENSE_REQUIRED',
                         'PROHIBITED')),
    tier             text,
    review_path      text,
    requirements     text[]      NOT NULL,
    controlled_tpp   bigint      NOT NULL CHECK (controlled_tpp >= 0),
    end_user         text        NOT NULL,
    end_user_key     text        NOT NULL,
    company          text        NOT NULL,
    company_key      text        NOT NULL,
    destination      char(2)     NOT NULL,
    decision         text        CHECK (decision IN ('APPROVED', 'APPROVED_WITH_CONDITIONS', 'DENIED')),
    licence_number   text
);

-- The officer's queue: open cases by urgency (the partial index serves the first page of 100,000 open cases).
CREATE INDEX review_case_open_by_due ON review_case (due_at, registered_at, application_id)
    WHERE state IN ('IN_REVIEW', 'REFERRED', 'HELD_WITHOUT_ACTION');
CREATE INDEX review_case_assignee ON review_case (assignee, due_at) WHERE assignee IS NOT NULL;
CREATE INDEX review_case_organization ON review_case (organization_id, registered_at DESC);

CREATE TABLE case_event (
    application_id   uuid        NOT NULL REFERENCES review_case (application_id),
    seq              integer     NOT NULL CHECK (seq > 0),
    type             text        NOT NULL CHECK (length(type) BETWEEN 1 AND 40),
    at               timestamptz NOT NULL,
    actor            text        NOT NULL CHECK (length(actor) BETWEEN 1 AND 200),
    payload          jsonb       NOT NULL,
    PRIMARY KEY (application_id, seq)
);

-- Who a case is referred to, for the agencies' queues.
CREATE TABLE case_referral (
    application_id   uuid        NOT NULL REFERENCES review_case (application_id),
    agency           text        NOT NULL CHECK (agency IN ('STATE', 'DEFENSE', 'ENERGY')),
    referred_at      timestamptz NOT NULL,
    recommended_at   timestamptz,
    PRIMARY KEY (application_id, agency)
);

CREATE INDEX case_referral_agency ON case_referral (agency, application_id);

-- A case's history is appended, never changed: by privilege and by trigger.
CREATE FUNCTION case_event_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'case_event is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER case_event_append_only
    BEFORE UPDATE OR DELETE ON case_event
    FOR EACH ROW EXECUTE FUNCTION case_event_refuse_change();

REVOKE UPDATE, DELETE, TRUNCATE ON case_event FROM ${app_role};
