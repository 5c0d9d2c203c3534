-- A ledger movement that re-keys a position (issue 12, the party register): an officer confirmed that a party written
-- one way is a registered company, so the application's compute now counts under the registered company's key. The
-- position's buckets move from the (old key, destination) row to the (new key, destination) row; one REKEY movement
-- per non-empty bucket records it, with from_bucket = to_bucket (the compute stays in its bucket: the movements of a
-- position still sum to its buckets) and the two keys.
ALTER TABLE ledger_movement DROP CONSTRAINT ledger_movement_kind_check;
ALTER TABLE ledger_movement ADD CONSTRAINT ledger_movement_kind_check
    CHECK (kind IN ('RESERVE', 'AUTHORIZE', 'SHIP', 'RELEASE', 'REKEY'));
-- Was: from_bucket IS DISTINCT FROM to_bucket, for every kind.
ALTER TABLE ledger_movement DROP CONSTRAINT ledger_movement_check1;
ALTER TABLE ledger_movement ADD COLUMN from_key text CHECK (length(from_key) BETWEEN 1 AND 200);
ALTER TABLE ledger_movement ADD COLUMN to_key text CHECK (length(to_key) BETWEEN 1 AND 200);
ALTER TABLE ledger_movement ADD CONSTRAINT ledger_movement_buckets CHECK (
    CASE WHEN kind = 'REKEY'
         THEN from_bucket = to_bucket AND from_key IS NOT NULL AND to_key IS NOT NULL AND from_key <> to_key
         ELSE from_bucket IS DISTINCT FROM to_bucket AND from_key IS NULL AND to_key IS NULL END);
