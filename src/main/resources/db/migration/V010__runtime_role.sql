-- The application runs as its own role (${app_role}), which owns nothing: it reads and writes rows, but cannot
-- alter a table, disable a trigger or truncate one (only an owner can), and the append-only history below is
-- closed to changes by privilege as well as by trigger. Migrations run as the schema owner.
GRANT USAGE ON SCHEMA public TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app_role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app_role};

-- History is appended, never changed.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM ${app_role};
REVOKE UPDATE, DELETE, TRUNCATE ON ledger_movement FROM ${app_role};
-- The chain head only moves forward (its trigger checks how); it is never removed.
REVOKE DELETE, TRUNCATE ON audit_chain_head FROM ${app_role};
-- The schema's history is the owner's business.
REVOKE ALL ON flyway_schema_history FROM ${app_role};

-- Tables of later migrations: rows for the application, unless a migration says otherwise (as above).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};
