-- Failed sign-ins per (username, client address), kept in the database so that several servers on one database
-- throttle together. A pair that keeps failing is slowed down; the same account from another address is not, so a
-- guesser cannot lock the real owner out, and one address failing for many users does not lock everyone behind it.
CREATE TABLE login_failure (
    username_key     text        NOT NULL CHECK (length(username_key) BETWEEN 0 AND 100),
    address          text        NOT NULL CHECK (length(address) BETWEEN 0 AND 100),
    failures         integer     NOT NULL CHECK (failures > 0),
    last_failure_at  timestamptz NOT NULL,
    locked_until     timestamptz,
    PRIMARY KEY (username_key, address)
);

CREATE INDEX login_failure_last ON login_failure (last_failure_at);
