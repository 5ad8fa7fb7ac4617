-- The per-IP send cap counts a tenant's first tries (try_no = 1) from one address in the last hour. With
-- try_no outside the index every counted entry cost a lookup of its table row: at 8,000 sends from one
-- address that count was the largest cost of a send through otpd (39 % of its CPU in the HTTP benchmark).
-- With try_no in the index the count reads the index alone.
CREATE INDEX IF NOT EXISTS ix_deliveries_client_ip_try ON deliveries (tenant, client_ip, created_at, try_no);
DROP INDEX IF EXISTS ix_deliveries_client_ip{{ON deliveries}};
