-- Acknowledgements of alarms (issue 13): an operator says "seen, someone is on it". At most one per
-- alarm (the key); the `alarms` row stays as the monitor wrote it. Each one is audited too (alarm_ack).
CREATE TABLE IF NOT EXISTS alarm_acks (
  alarm_id BIGINT NOT NULL PRIMARY KEY,
  tenant VARCHAR(64) NOT NULL,
  acked_at BIGINT NOT NULL,
  acked_by VARCHAR(128) NOT NULL,
  reason VARCHAR(512) NOT NULL
) {{TABLE}};
CREATE INDEX IF NOT EXISTS ix_alarm_acks_tenant ON alarm_acks (tenant, acked_at);
