-- Delivery receipts (Gupshup delivery reports, WATI / MyOperator status callbacks) find their
-- delivery by the vendor's message id; "accepted" then becomes "delivered" or "failed".
CREATE INDEX IF NOT EXISTS ix_deliveries_message ON deliveries (vendor, message_id);
