-- Per-key write locks for MariaDB (WriteTransaction::lockKey). Under READ COMMITTED two senders to one
-- destination could both pass the send-cap check and both insert; the first statement of such a
-- transaction upserts the key's row here, which holds its InnoDB row lock until commit, so writers of
-- one key queue. PostgreSQL uses transaction-scoped advisory locks and SQLite its single write lock
-- instead, so on those engines the table stays empty; it exists everywhere to keep one schema.
CREATE TABLE IF NOT EXISTS write_locks (
  lock_key VARCHAR(400) NOT NULL PRIMARY KEY,
  taken_at BIGINT NOT NULL
) {{TABLE}};
