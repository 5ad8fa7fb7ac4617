-- Vendor health (issue 13). One breaker row per vendor name (names are global, as in `vendors`),
-- written only when something changes: a retryable failure, an opening, a probe, an admin's force.
-- A vendor that never failed has no row, so the send path reads an empty table.
--   closed ──N consecutive retryable failures, or success rate < X % over ≥ M tries in W min──▶ open
--   open ──cool-off over: the next send claims the one probe (probe_until)──▶ half_open
--   half_open ──probe fails──▶ open (a new cool-off) · ──close_successes probes succeed──▶ closed
-- forced = 1: an admin opened it by hand; only an admin closes it again.
CREATE TABLE IF NOT EXISTS vendor_breakers (
  vendor VARCHAR(32) NOT NULL PRIMARY KEY,
  state VARCHAR(16) NOT NULL,
  forced INTEGER NOT NULL,
  consecutive_failures INTEGER NOT NULL,
  probe_successes INTEGER NOT NULL,
  open_until BIGINT NOT NULL,
  probe_until BIGINT NOT NULL,
  closed_at BIGINT NOT NULL,
  reason VARCHAR(512) NOT NULL,
  updated_at BIGINT NOT NULL
) {{TABLE}};

-- Raised and cleared alarms: one row per raising; cleared_at NULL while it is active.
CREATE TABLE IF NOT EXISTS alarms (
  id {{ID}},
  tenant VARCHAR(64) NOT NULL,
  rule VARCHAR(32) NOT NULL,
  subject VARCHAR(64) NOT NULL,
  observed VARCHAR(64) NOT NULL,
  threshold VARCHAR(64) NOT NULL,
  message VARCHAR(512) NOT NULL,
  raised_at BIGINT NOT NULL,
  cleared_at BIGINT NULL
) {{TABLE}};
CREATE INDEX IF NOT EXISTS ix_alarms_rule ON alarms (tenant, rule, subject, cleared_at);
CREATE INDEX IF NOT EXISTS ix_alarms_raised ON alarms (raised_at);

-- Health per vendor over a sliding window: "this vendor's tries since T".
CREATE INDEX IF NOT EXISTS ix_deliveries_vendor ON deliveries (vendor, created_at);
