-- The per-IP send cap (HTTP-API.md "Abuse", policy key sends_per_ip_per_hour): the client address otpd
-- saw is kept with each send's first try; the send gate counts a tenant's first tries from that address
-- in the last hour. NULL for sends made by otpctl or the console (not counted).
ALTER TABLE deliveries ADD COLUMN IF NOT EXISTS client_ip VARCHAR(64) NULL;
CREATE INDEX IF NOT EXISTS ix_deliveries_client_ip ON deliveries (tenant, client_ip, created_at);

-- Receipts that overtake the send's recording (services/delivery/Outbox.h): a vendor's receipt that
-- matches no delivery yet (the try is still `sending`, its message id not recorded) waits here for a
-- bounded time and is applied when the answer with that message id is recorded. Bounded in age and
-- count (DeliveryFlow::applyReceipts); receipts of other systems' messages simply age out.
CREATE TABLE IF NOT EXISTS pending_receipts (
  id {{ID}},
  vendor VARCHAR(32) NOT NULL,
  message_id VARCHAR(128) NOT NULL,
  delivery_id BIGINT NULL,
  state VARCHAR(16) NOT NULL,
  vendor_code VARCHAR(64) NOT NULL,
  reason VARCHAR(512) NOT NULL,
  received_at BIGINT NOT NULL
) {{TABLE}};
CREATE INDEX IF NOT EXISTS ix_pending_receipts_message ON pending_receipts (vendor, message_id);
CREATE INDEX IF NOT EXISTS ix_pending_receipts_delivery ON pending_receipts (delivery_id);
CREATE INDEX IF NOT EXISTS ix_pending_receipts_received ON pending_receipts (received_at);
