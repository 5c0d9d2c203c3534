-- The national compute ledger (SPEC §5), in exact TPP.
-- ledger_position: what one application holds in each bucket, with the attributes measures are keyed by.
-- ledger_movement: every change of a position, tied to the case event that caused it (the log explains every number).
-- ledger_company_country / ledger_country: the buckets per (company, country) and per country, kept
-- in the same transaction as the movements so the national views need no aggregation.

CREATE TABLE ledger_position (
    application_id   uuid        PRIMARY KEY,
    parent_key       text        NOT NULL CHECK (length(parent_key) BETWEEN 1 AND 200),
    parent_name      text        NOT NULL CHECK (length(parent_name) BETWEEN 1 AND 200),
    end_user_key     text        NOT NULL CHECK (length(end_user_key) BETWEEN 1 AND 200),
    destination      char(2)     NOT NULL CHECK (destination ~ '^[A-Z]{2}$'),
    assessed_on      date        NOT NULL,
    outcome          text        NOT NULL CHECK (outcome IN ('EXEMPT', 'LICENSE_REQUIRED')),
    reserved_tpp     bigint      NOT NULL DEFAULT 0 CHECK (reserved_tpp >= 0),
    authorized_tpp   bigint      NOT NULL DEFAULT 0 CHECK (authorized_tpp >= 0),
    shipped_tpp      bigint      NOT NULL DEFAULT 0 CHECK (shipped_tpp >= 0)
);

CREATE INDEX ledger_position_parent_destination ON ledger_position (parent_key, destination);
CREATE INDEX ledger_position_end_user ON ledger_position (end_user_key, assessed_on);
CREATE INDEX ledger_position_destination ON ledger_position (destination, assessed_on);

CREATE TABLE ledger_movement (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id   uuid        NOT NULL REFERENCES ledger_position (application_id),
    kind             text        NOT NULL CHECK (kind IN ('RESERVE', 'AUTHORIZE', 'SHIP', 'RELEASE')),
    from_bucket      text        CHECK (from_bucket IN ('RESERVED', 'AUTHORIZED', 'SHIPPED')),
    to_bucket        text        CHECK (to_bucket IN ('RESERVED', 'AUTHORIZED', 'SHIPPED')),
    tpp              bigint      NOT NULL CHECK (tpp > 0),
    cause            text        NOT NULL CHECK (length(cause) BETWEEN 1 AND 100),
    actor            text        NOT NULL CHECK (length(actor) BETWEEN 1 AND 200),
    occurred_at      timestamptz NOT NULL,
    CHECK (from_bucket IS NOT NULL OR to_bucket IS NOT NULL),
    CHECK (from_bucket IS DISTINCT FROM to_bucket)
);

CREATE INDEX ledger_movement_application ON ledger_movement (application_id, id);

CREATE TABLE ledger_company_country (
    parent_key       text        NOT NULL,
    destination      char(2)     NOT NULL,
    parent_name      text        NOT NULL,
    reserved_tpp     bigint      NOT NULL DEFAULT 0 CHECK (reserved_tpp >= 0),
    authorized_tpp   bigint      NOT NULL DEFAULT 0 CHECK (authorized_tpp >= 0),
    shipped_tpp      bigint      NOT NULL DEFAULT 0 CHECK (shipped_tpp >= 0),
    PRIMARY KEY (parent_key, destination)
);

CREATE INDEX ledger_company_country_destination ON ledger_company_country (destination);

CREATE TABLE ledger_country (
    destination      char(2)     PRIMARY KEY,
    reserved_tpp     bigint      NOT NULL DEFAULT 0 CHECK (reserved_tpp >= 0),
    authorized_tpp   bigint      NOT NULL DEFAULT 0 CHECK (authorized_tpp >= 0),
    shipped_tpp      bigint      NOT NULL DEFAULT 0 CHECK (shipped_tpp >= 0)
);

-- Movements are history: never changed or removed.
CREATE FUNCTION ledger_movement_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger_movement is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER ledger_movement_append_only
    BEFORE UPDATE OR DELETE ON ledger_movement
    FOR EACH ROW EXECUTE FUNCTION ledger_movement_refuse_change();
