-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc 2.0, for PostgreSQL).
-- A domain event published in a transaction is recorded here, in that transaction, once per listener that
-- reacts to it; the row is completed when the listener's own transaction commits. Rows left incomplete by a crash
-- are published again at the next start, so no reaction is lost between a commit and its listener.
CREATE TABLE event_publication (
    id                     uuid        NOT NULL PRIMARY KEY,
    listener_id            text        NOT NULL,
    event_type             text        NOT NULL,
    serialized_event       text        NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamptz
);

CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
