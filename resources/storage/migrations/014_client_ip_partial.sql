-- The per-address index holds only the sends that have an address (otpd's; otpctl's, the console's and
-- the workers' are NULL). Before, it covered every delivery, and it starts with tenant: to a PostgreSQL
-- planner without statistics for deliveries (a new database, or a table that grew since its last
-- ANALYZE) it looked as good for the send gate's per-destination counts (tenant = ? AND destination = ?
-- AND created_at > ?) as ix_deliveries_dest, and when it was picked each count read every delivery of
-- the tenant since the window's start: 15,000 buffers and 4 ms per send at 5,000 deliveries, growing with
-- the table. A partial index serves only queries that say client_ip = ?, so the per-destination counts
-- can no longer be planned on it. MariaDB has no partial indexes (the PARTIAL token is dropped there); its
-- optimizer measures index ranges instead of trusting statistics, and picked right. New name, so the
-- migration can run again after any of its statements.
CREATE INDEX IF NOT EXISTS ix_deliveries_ip_tries ON deliveries (tenant, client_ip, created_at, try_no){{PARTIAL client_ip IS NOT NULL}};
DROP INDEX IF EXISTS ix_deliveries_client_ip_try{{ON deliveries}};
