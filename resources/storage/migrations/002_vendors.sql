-- Configured vendor accounts. Only non-secret settings (base URL, sender id, template, …) live here,
-- as JSON text; the credential is named by secret_name and kept in the OS keychain or env/file
-- (SECURITY.md row 16). Names are global; a tenant picks its accounts with the route_* policy keys.
CREATE TABLE IF NOT EXISTS vendors (
  id {{ID}},
  name VARCHAR(32) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  settings TEXT NOT NULL,
  secret_name VARCHAR(100) NOT NULL,
  enabled INTEGER NOT NULL,
  updated_at BIGINT NOT NULL
) {{TABLE}};
CREATE UNIQUE INDEX IF NOT EXISTS ux_vendors_name ON vendors (name);

-- The outbox's question: "which queued deliveries are due and free?"
CREATE INDEX IF NOT EXISTS ix_deliveries_lease ON deliveries (state, lease_until);
