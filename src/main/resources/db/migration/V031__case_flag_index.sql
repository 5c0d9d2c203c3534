-- The queue of flagged cases (and the officer's home) asks which open cases have a flag raised and not cleared. Flags
-- are events of a case's history; this partial index holds only those events, so the question reads a few rows
-- instead of every case's history.
CREATE INDEX case_event_flags ON case_event (application_id, seq) WHERE type IN ('Flagged', 'FlagCleared');
