-- Append-only, hash-chained audit log (SPEC §9).
-- hash = SHA-256(prev_hash || canonical JSON of the event), hex; the first event's prev_hash is 64 zeros.

CREATE TABLE audit_event (
    seq          bigint       PRIMARY KEY CHECK (seq > 0),
    occurred_at  timestamptz  NOT NULL,
    actor        text         NOT NULL CHECK (length(actor) BETWEEN 1 AND 200),
    action       text         NOT NULL CHECK (action ~ '^[a-z][a-z0-9_.-]{0,99}$'),
    entity_type  text         NOT NULL CHECK (length(entity_type) BETWEEN 1 AND 100),
    entity_id    text         NOT NULL CHECK (length(entity_id) BETWEEN 1 AND 200),
    -- The payload exactly as hashed: RFC 8785 canonical JSON text (query it with payload::jsonb).
    payload      text         NOT NULL CHECK (jsonb_typeof(payload::jsonb) = 'object'),
    prev_hash    char(64)     NOT NULL,
    hash         char(64)     NOT NULL UNIQUE
);

CREATE INDEX audit_event_entity ON audit_event (entity_type, entity_id, seq);

-- One row: the sequence number and hash of the newest event. Appenders lock this row
-- (SELECT … FOR UPDATE) to serialize, so the chain never forks; verification compares the log's
-- end against it, so events removed from the end are detected too.
CREATE TABLE audit_chain_head (
    id        smallint  PRIMARY KEY CHECK (id = 1),
    last_seq  bigint    NOT NULL CHECK (last_seq >= 0),
    last_hash char(64)  NOT NULL
);

INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, repeat('0', 64));

CREATE FUNCTION audit_event_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();

-- The head only moves forward (by the number of events appended in one statement).
CREATE FUNCTION audit_chain_head_advance_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'UPDATE' THEN
        RAISE EXCEPTION 'audit_chain_head: % refused', TG_OP USING ERRCODE = 'restrict_violation';
    END IF;
    IF NEW.id <> OLD.id OR NEW.last_seq <= OLD.last_seq THEN
        RAISE EXCEPTION 'audit_chain_head may only advance to newly appended events'
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_chain_head_guard
    BEFORE UPDATE OR DELETE ON audit_chain_head
    FOR EACH ROW EXECUTE FUNCTION audit_chain_head_advance_only();

CREATE TRIGGER audit_chain_head_no_truncate
    BEFORE TRUNCATE ON audit_chain_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_advance_only();
