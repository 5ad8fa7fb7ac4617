-- The console's questions at production size (1,000,000 challenges, 2,000,000 deliveries).
-- Portable SQL: the same statements on SQLite, PostgreSQL and MariaDB.

-- Delivery dashboard: every send of a window, sliced by vendor and state, read from the index alone
-- (outcome per bucket, success rate and latency percentiles per vendor, top vendor error codes).
CREATE INDEX IF NOT EXISTS ix_deliveries_console ON deliveries (vendor, state, created_at, latency_ms, challenge_id, vendor_code);
-- Delivery dashboard: codes verified per channel over the challenges of a window.
CREATE INDEX IF NOT EXISTS ix_challenges_channel ON challenges (channel, created_at, status);
