-- Flags on licences (SPEC §7): a FAILED on-site inspection flags every active licence whose end user or ultimate
-- parent the inspected pre-approval covers. A flag shows on the licence until an officer clears it with a reason; the
-- row is kept with who cleared it and why. The same open flag (kind and reason) is raised once.
ALTER TABLE licence ADD COLUMN end_user_key text;

CREATE INDEX licence_active_company ON licence (company_key) WHERE state = 'ACTIVE';
CREATE INDEX licence_active_end_user ON licence (end_user_key) WHERE state = 'ACTIVE';

CREATE TABLE licence_flag (
    id               uuid        PRIMARY KEY,
    licence_number   text        NOT NULL REFERENCES licence (number),
    flag             text        NOT NULL CHECK (length(flag) BETWEEN 1 AND 200),
    kind             text        NOT NULL CHECK (kind ~ '^[A-Z][A-Z0-9_]{0,63}$'),
    reason           text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 4000),
    raised_by        text        NOT NULL CHECK (length(raised_by) BETWEEN 1 AND 200),
    raised_at        timestamptz NOT NULL,
    cleared_by       text        CHECK (length(cleared_by) BETWEEN 1 AND 200),
    cleared_at       timestamptz,
    clear_reason     text        CHECK (length(clear_reason) BETWEEN 1 AND 4000),
    CHECK ((cleared_at IS NULL) = (cleared_by IS NULL) AND (cleared_at IS NULL) = (clear_reason IS NULL))
);

CREATE UNIQUE INDEX licence_flag_open ON licence_flag (licence_number, flag) WHERE cleared_at IS NULL;
CREATE INDEX licence_flag_licence ON licence_flag (licence_number, raised_at);
