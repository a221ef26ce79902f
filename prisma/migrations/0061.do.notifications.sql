-- E-mail notifications: each person's choice of delivery, and an outbox written in the same
-- transaction as the event it tells of, drained by a sender after the transaction commits.

CREATE TYPE notification_delivery AS ENUM ('IMMEDIATE', 'DAILY_DIGEST', 'NONE');

ALTER TABLE staff_user ADD COLUMN notification_delivery notification_delivery NOT NULL DEFAULT 'IMMEDIATE';

CREATE TABLE notification (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id        uuid NOT NULL REFERENCES authority (id),
  recipient_id        uuid NOT NULL,
  -- "approval-awaited", "decision-made", "review-due".
  event               text NOT NULL,
  -- The scheme whose wording the message uses.
  scheme              text NOT NULL,
  -- References and figures only: never a child's name.
  facts               jsonb NOT NULL,
  digest              boolean NOT NULL,
  created_at          timestamptz(3) NOT NULL DEFAULT now(),
  -- A sender claims a row for a while, so two senders never send it twice.
  claimed_until       timestamptz(3),
  attempts            integer NOT NULL DEFAULT 0,
  last_error          text,
  sent_at             timestamptz(3),
  FOREIGN KEY (authority_id, recipient_id) REFERENCES staff_user (authority_id, id) ON DELETE CASCADE
);
CREATE INDEX notification_unsent ON notification (digest, created_at) WHERE sent_at IS NULL;
CREATE INDEX ON notification (recipient_id);

-- Row-level security, as on every tenant table (migration 0010): the sender works authority by authority.
SELECT enable_tenant_isolation('notification');
