-- API keys of the apps that call otpd (HTTP-API.md "Calling apps"; SECURITY.md row 21). The key itself is
-- shown once when it is created and never stored: key_hash is the hex SHA-256 of the whole key (a key is
-- 256 random bits, so no slow hash is needed and a lookup by hash is one index probe), key_prefix its
-- first characters for people to recognise it in a list. A key acts for exactly one tenant, within its
-- scopes (comma-separated: send, verify, read, accounts). Revoked keys stay for the audit trail; a name
-- is unique among the active keys (checked under a write lock), so a revoked name can be reused.
CREATE TABLE IF NOT EXISTS api_keys (
  id {{ID}},
  tenant VARCHAR(64) NOT NULL,
  name VARCHAR(64) NOT NULL,
  key_prefix VARCHAR(24) NOT NULL,
  key_hash VARCHAR(64) NOT NULL,
  scopes VARCHAR(64) NOT NULL,
  created_at BIGINT NOT NULL,
  created_by VARCHAR(128) NOT NULL,
  revoked_at BIGINT NULL,
  revoked_by VARCHAR(128) NULL,
  revoke_reason VARCHAR(512) NULL
) {{TABLE}};
CREATE UNIQUE INDEX IF NOT EXISTS ux_api_keys_hash ON api_keys (key_hash);
CREATE INDEX IF NOT EXISTS ix_api_keys_name ON api_keys (name, revoked_at);
CREATE INDEX IF NOT EXISTS ix_api_keys_tenant ON api_keys (tenant, created_at);
