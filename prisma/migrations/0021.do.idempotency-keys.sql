-- Idempotency keys for mutations that move money: a retried request carrying the same key is
-- answered with the first request's result and moves no more money. The row is written in the
-- same transaction as the money movement, so a key exists exactly when its work committed.

CREATE TABLE idempotency_key (
  authority_id  uuid NOT NULL REFERENCES authority (id),
  key           text NOT NULL CHECK (length(key) BETWEEN 8 AND 200),
  operation     text NOT NULL,
  -- SHA-256 of the operation and its arguments: the same key with another payload is refused.
  payload_hash  text NOT NULL,
  -- The object the first request answered with (the purchase request or budget it acted on);
  -- null only while that first request is still in flight.
  result_id     uuid,
  staff_user_id uuid NOT NULL,
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  expires_at    timestamptz(3) NOT NULL DEFAULT now() + interval '24 hours',
  PRIMARY KEY (authority_id, key),
  FOREIGN KEY (authority_id, staff_user_id) REFERENCES staff_user (authority_id, id),
  CONSTRAINT idempotency_key_kept_a_day CHECK (expires_at >= created_at + interval '24 hours')
);
CREATE INDEX ON idempotency_key (expires_at);

-- Keys belong to one authority: held to it by row-level security like every tenant table (0010).
SELECT enable_tenant_isolation('idempotency_key');
