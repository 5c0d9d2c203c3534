-- The tier each position was assessed in, so that a policy measure counting only some tiers
-- (counts.tiers: e.g. only exports exempted in tier LPP use up the LPP allowance of the AI diffusion
-- rule) is answered by the server's ledger as by the offline tools. The pattern is the policy
-- schema's for a tier. Positions recorded before this migration have no tier: they still count for
-- measures that name no tiers, and for none that does.
ALTER TABLE ledger_position
    ADD COLUMN tier text CHECK (tier ~ '^[A-Z][A-Z0-9_]{0,15}$');

-- Positions of applications take the tier their application was registered with.
UPDATE ledger_position p SET tier = a.tier FROM application a WHERE a.id = p.application_id AND a.tier IS NOT NULL;
