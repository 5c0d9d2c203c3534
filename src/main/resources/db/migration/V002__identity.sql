-- Identity and access (SPEC §9): organizations, their users and roles, API tokens.
-- Nothing here is hard-deleted: users are disabled and tokens revoked, so every audit event's
-- actor and every record's owner stay resolvable for the retention period.

CREATE TABLE organization (
    id          uuid         PRIMARY KEY,
    name        text         NOT NULL CHECK (length(name) BETWEEN 1 AND 200 AND name = btrim(name)),
    kind        text         NOT NULL CHECK (kind IN ('EXPORTER', 'BUYER', 'AUTHORITY', 'AGENCY', 'INSPECTORATE')),
    -- Which reviewing agency (EO 12981 referrals): set exactly for organizations of kind AGENCY.
    agency      text         CHECK (agency IN ('STATE', 'DEFENSE', 'ENERGY')),
    created_at  timestamptz  NOT NULL,
    version     bigint       NOT NULL DEFAULT 0,
    CONSTRAINT organization_agency_only_for_agencies CHECK ((kind = 'AGENCY') = (agency IS NOT NULL))
);

-- Names are unique regardless of case, so "Acme" and "ACME" cannot both exist.
CREATE UNIQUE INDEX organization_name_unique ON organization (lower(name));

CREATE TABLE app_user (
    id               uuid         PRIMARY KEY,
    username         text         NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
    display_name     text         NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    organization_id  uuid         NOT NULL REFERENCES organization (id),
    -- Spring Security's delegating format, e.g. {bcrypt}$2a$10$…
    password_hash    text         NOT NULL CHECK (password_hash ~ '^\{[a-z0-9]+\}'),
    enabled          boolean      NOT NULL,
    created_at       timestamptz  NOT NULL,
    version          bigint       NOT NULL DEFAULT 0
);

CREATE INDEX app_user_organization ON app_user (organization_id, username);

CREATE TABLE user_role (
    user_id  uuid  NOT NULL REFERENCES app_user (id),
    role     text  NOT NULL CHECK (role IN ('APPLICANT', 'BUYER', 'OFFICER', 'AGENCY', 'INSPECTOR', 'AUDITOR', 'ADMIN')),
    PRIMARY KEY (user_id, role)
);

-- The roles an organization's kind allows (Role.allowedIn in the domain says the same): an
-- exporter's user can never hold OFFICER, whatever the application code does.
CREATE FUNCTION user_role_fits_organization() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    org_kind text;
BEGIN
    SELECT o.kind INTO org_kind
    FROM app_user u JOIN organization o ON o.id = u.organization_id
    WHERE u.id = NEW.user_id;
    IF NOT (
        (org_kind = 'EXPORTER' AND NEW.role = 'APPLICANT')
        OR (org_kind = 'BUYER' AND NEW.role = 'BUYER')
        OR (org_kind = 'AUTHORITY' AND NEW.role IN ('OFFICER', 'AUDITOR', 'ADMIN'))
        OR (org_kind = 'AGENCY' AND NEW.role = 'AGENCY')
        OR (org_kind = 'INSPECTORATE' AND NEW.role = 'INSPECTOR')
    ) THEN
        RAISE EXCEPTION 'role % is not allowed in an organization of kind %', NEW.role, org_kind
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER user_role_fits_organization
    BEFORE INSERT OR UPDATE ON user_role
    FOR EACH ROW EXECUTE FUNCTION user_role_fits_organization();

-- A user's organization never changes (a person moving jobs gets a new account), so the role
-- check above cannot be bypassed by moving the user afterwards.
CREATE FUNCTION app_user_organization_fixed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.organization_id <> OLD.organization_id OR NEW.id <> OLD.id OR NEW.username <> OLD.username THEN
        RAISE EXCEPTION 'a user''s id, username and organization never change' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER app_user_organization_fixed
    BEFORE UPDATE ON app_user
    FOR EACH ROW EXECUTE FUNCTION app_user_organization_fixed();

-- Likewise an organization's kind and agency never change: its users' roles were checked against them.
CREATE FUNCTION organization_kind_fixed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.kind <> OLD.kind OR NEW.agency IS DISTINCT FROM OLD.agency THEN
        RAISE EXCEPTION 'an organization''s id, kind and agency never change' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER organization_kind_fixed
    BEFORE UPDATE ON organization
    FOR EACH ROW EXECUTE FUNCTION organization_kind_fixed();

CREATE TABLE api_token (
    id            uuid         PRIMARY KEY,
    user_id       uuid         NOT NULL REFERENCES app_user (id),
    name          text         NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    -- SHA-256 (hex) of the whole secret; the secret itself is shown once and never stored.
    secret_sha256 char(64)     NOT NULL UNIQUE CHECK (secret_sha256 ~ '^[0-9a-f]{64}$'),
    -- The first characters of the secret, not enough to use it: lets a person tell tokens apart.
    prefix        text         NOT NULL CHECK (length(prefix) BETWEEN 1 AND 16),
    created_at    timestamptz  NOT NULL,
    expires_at    timestamptz  CHECK (expires_at IS NULL OR expires_at > created_at),
    revoked_at    timestamptz  CHECK (revoked_at IS NULL OR revoked_at >= created_at),
    last_used_at  timestamptz
);

CREATE INDEX api_token_user ON api_token (user_id, created_at);
