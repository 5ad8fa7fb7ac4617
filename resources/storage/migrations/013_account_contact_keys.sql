-- An account is unique per tenant by its phone and by its email, and one of the two is NULL for most
-- accounts (a phone signup has no email yet). A unique index on (tenant, email) holds that on one
-- server, but a MariaDB Galera cluster certifies every unique key whose columns are not all NULL:
-- (tenant, NULL) was one key shared by every phone account of a tenant, so two accounts created at
-- once on two nodes always conflicted, and a verify that lost eight runs in a row failed (612 of 900
-- plain INSERTs from three nodes lost certification; none with distinct emails). Each contact now has
-- one column holding tenant and contact together ("tenant contact": tenant ids have no spaces), NULL
-- when there is none, and the unique keys are on those: NULL keys are not certified.
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS phone_key VARCHAR(400) NULL;
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS email_key VARCHAR(400) NULL;
UPDATE accounts SET phone_key = {{CONCAT(tenant, ' ', phone)}} WHERE phone IS NOT NULL AND phone_key IS NULL;
UPDATE accounts SET email_key = {{CONCAT(tenant, ' ', email)}} WHERE email IS NOT NULL AND email_key IS NULL;
CREATE UNIQUE INDEX IF NOT EXISTS ux_accounts_phone_key ON accounts (phone_key);
CREATE UNIQUE INDEX IF NOT EXISTS ux_accounts_email_key ON accounts (email_key);
DROP INDEX IF EXISTS ux_accounts_phone{{ON accounts}};
DROP INDEX IF EXISTS ux_accounts_email{{ON accounts}};
