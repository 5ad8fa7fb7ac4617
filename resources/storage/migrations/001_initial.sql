-- One schema for SQLite, PostgreSQL and MariaDB. {{ID}} becomes each engine's auto-increment key;
-- {{TABLE}} closes every CREATE TABLE with what MariaDB needs (InnoDB for transactions and row locks,
-- utf8mb4 with a binary collation so text compares byte for byte, as on the other engines).
-- Times are BIGINT milliseconds since the Unix epoch (UTC), judged on the server's clock by otpcore:
-- portable across engines and free of time-zone conversions.

CREATE TABLE IF NOT EXISTS challenges (
  id {{ID}},
  ref VARCHAR(40) NOT NULL,
  tenant VARCHAR(64) NOT NULL,
  destination VARCHAR(320) NOT NULL,
  dest_prefix VARCHAR(320) NOT NULL,
  dest_region VARCHAR(4) NOT NULL,
  channel VARCHAR(16) NOT NULL,
  purpose VARCHAR(24) NOT NULL,
  status VARCHAR(24) NOT NULL,
  attempts INTEGER NOT NULL,
  max_attempts INTEGER NOT NULL,
  send_count INTEGER NOT NULL,
  code_hash VARCHAR(64) NOT NULL,
  code_length INTEGER NOT NULL,
  expires_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  verified_at BIGINT NULL,
  last_vendor VARCHAR(32) NOT NULL,
  vendor_ref VARCHAR(128) NOT NULL,
  vendor_response TEXT NULL
) {{TABLE}};
CREATE UNIQUE INDEX IF NOT EXISTS ux_challenges_ref ON challenges (ref);
-- "latest for this phone"
CREATE INDEX IF NOT EXISTS ix_challenges_dest ON challenges (tenant, destination, purpose, created_at);
CREATE INDEX IF NOT EXISTS ix_challenges_created ON challenges (created_at);
CREATE INDEX IF NOT EXISTS ix_challenges_status ON challenges (status, expires_at);

CREATE TABLE IF NOT EXISTS deliveries (
  id {{ID}},
  challenge_id BIGINT NOT NULL REFERENCES challenges (id),
  tenant VARCHAR(64) NOT NULL,
  destination VARCHAR(320) NOT NULL,
  dest_prefix VARCHAR(320) NOT NULL,
  vendor VARCHAR(32) NOT NULL,
  channel VARCHAR(16) NOT NULL,
  send_no INTEGER NOT NULL,
  try_no INTEGER NOT NULL,
  state VARCHAR(16) NOT NULL,
  http_status INTEGER NULL,
  vendor_code VARCHAR(64) NOT NULL,
  message_id VARCHAR(128) NOT NULL,
  reason VARCHAR(512) NOT NULL,
  latency_ms INTEGER NULL,
  excerpt VARCHAR(512) NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  next_try_at BIGINT NULL,
  lease_owner VARCHAR(64) NULL,
  lease_until BIGINT NULL
) {{TABLE}};
-- send caps and cooldown per destination; burst cap per prefix; "last hour by vendor"
CREATE INDEX IF NOT EXISTS ix_deliveries_dest ON deliveries (tenant, destination, created_at);
CREATE INDEX IF NOT EXISTS ix_deliveries_prefix ON deliveries (dest_prefix, created_at);
CREATE INDEX IF NOT EXISTS ix_deliveries_created ON deliveries (created_at, vendor);
CREATE INDEX IF NOT EXISTS ix_deliveries_challenge ON deliveries (challenge_id);
CREATE INDEX IF NOT EXISTS ix_deliveries_outbox ON deliveries (state, next_try_at);

CREATE TABLE IF NOT EXISTS lockouts (
  id {{ID}},
  tenant VARCHAR(64) NOT NULL,
  destination VARCHAR(320) NOT NULL,
  reason VARCHAR(16) NOT NULL,
  challenge_id BIGINT NULL,
  locked_at BIGINT NOT NULL,
  locked_until BIGINT NOT NULL,
  released_at BIGINT NULL,
  released_by VARCHAR(128) NULL,
  release_reason VARCHAR(512) NULL
) {{TABLE}};
-- "active lockouts"
CREATE INDEX IF NOT EXISTS ix_lockouts_dest ON lockouts (tenant, destination, locked_until);
CREATE INDEX IF NOT EXISTS ix_lockouts_until ON lockouts (locked_until);

CREATE TABLE IF NOT EXISTS accounts (
  id {{ID}},
  tenant VARCHAR(64) NOT NULL,
  phone VARCHAR(32) NULL,
  email VARCHAR(320) NULL,
  first_name VARCHAR(128) NOT NULL,
  last_name VARCHAR(128) NOT NULL,
  address VARCHAR(512) NOT NULL,
  status VARCHAR(16) NOT NULL,
  phone_verified INTEGER NOT NULL,
  email_verified INTEGER NOT NULL,
  profile_completed INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
) {{TABLE}};
CREATE UNIQUE INDEX IF NOT EXISTS ux_accounts_phone ON accounts (tenant, phone);
CREATE UNIQUE INDEX IF NOT EXISTS ux_accounts_email ON accounts (tenant, email);

CREATE TABLE IF NOT EXISTS audit_log (
  id {{ID}},
  created_at BIGINT NOT NULL,
  actor VARCHAR(128) NOT NULL,
  role VARCHAR(32) NOT NULL,
  action VARCHAR(64) NOT NULL,
  tenant VARCHAR(64) NOT NULL,
  target VARCHAR(320) NOT NULL,
  details TEXT NOT NULL
) {{TABLE}};
CREATE INDEX IF NOT EXISTS ix_audit_created ON audit_log (created_at);
CREATE INDEX IF NOT EXISTS ix_audit_target ON audit_log (tenant, target, created_at);

CREATE TABLE IF NOT EXISTS policies (
  tenant VARCHAR(64) NOT NULL,
  purpose VARCHAR(24) NOT NULL,
  pkey VARCHAR(64) NOT NULL,
  pvalue VARCHAR(512) NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (tenant, purpose, pkey)
) {{TABLE}};

-- Console operators and their roles (support, admin, qa), keyed by login.
CREATE TABLE IF NOT EXISTS operators (
  login VARCHAR(128) NOT NULL PRIMARY KEY,
  role VARCHAR(16) NOT NULL,
  display_name VARCHAR(128) NOT NULL,
  created_at BIGINT NOT NULL
) {{TABLE}};
