-- Revenue share (SPEC §7), a licence condition. The holder reports its revenue per calendar quarter per licence; a
-- correction is a new version of the report, the earlier ones kept (the current report is the highest version). A
-- version is claimed by its insert (ON CONFLICT DO NOTHING on the key), so two corrections of the same version never
-- both count. The share due is stored with the rate it was computed at: rate × revenue, half-even to the cent.
CREATE TABLE revenue_report (
    licence_number   text           NOT NULL REFERENCES licence (number),
    year             integer        NOT NULL CHECK (year BETWEEN 2000 AND 2999),
    quarter          integer        NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    version          integer        NOT NULL CHECK (version > 0),
    organization_id  uuid           NOT NULL REFERENCES organization (id),
    revenue_usd      numeric(21, 2) NOT NULL CHECK (revenue_usd >= 0),
    rate             numeric(9, 6)  NOT NULL CHECK (rate > 0 AND rate <= 1),
    due_usd          numeric(21, 2) NOT NULL CHECK (due_usd >= 0),
    due_on           date           NOT NULL,
    reported_by      text           NOT NULL CHECK (length(reported_by) BETWEEN 1 AND 200),
    reported_at      timestamptz    NOT NULL,
    PRIMARY KEY (licence_number, year, quarter, version)
);

-- Payments received against a licence's quarter, recorded by officers. A payment reference is recorded once per
-- licence, so the same payment entered twice is refused.
CREATE TABLE remittance (
    id               uuid           PRIMARY KEY,
    licence_number   text           NOT NULL REFERENCES licence (number),
    year             integer        NOT NULL CHECK (year BETWEEN 2000 AND 2999),
    quarter          integer        NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    organization_id  uuid           NOT NULL REFERENCES organization (id),
    amount_usd       numeric(21, 2) NOT NULL CHECK (amount_usd > 0),
    paid_on          date           NOT NULL,
    reference        text           NOT NULL CHECK (length(reference) BETWEEN 1 AND 200),
    recorded_by      text           NOT NULL CHECK (length(recorded_by) BETWEEN 1 AND 200),
    recorded_at      timestamptz    NOT NULL,
    UNIQUE (licence_number, reference)
);

CREATE INDEX remittance_licence ON remittance (licence_number, year, quarter);
