-- Each evaluated guess at a code (issue 12: the lookup lists every wrong guess): when, on which
-- challenge, the attempt's number of the code's maximum and what it led to (wrong, locked, expired,
-- verified). Never the code or the guess in any form. Written by VerifyFlow inside the verify's own
-- transaction, so a guess is counted and listed, or neither. At most max_attempts + 1 rows a challenge
-- (each counted attempt, and the one guess that finds the code expired).
CREATE TABLE IF NOT EXISTS verify_attempts (
  id {{ID}},
  challenge_id BIGINT NOT NULL,
  attempt_no INTEGER NOT NULL,
  max_attempts INTEGER NOT NULL,
  outcome VARCHAR(16) NOT NULL,
  attempted_at BIGINT NOT NULL
) {{TABLE}};
CREATE INDEX IF NOT EXISTS ix_verify_attempts_challenge ON verify_attempts (challenge_id, id);
