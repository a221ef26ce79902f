-- Dorset plugin: part two of the application and monitoring form, one per purchase request,
-- completed by the locality co-ordinator once the grant is agreed.

CREATE TABLE dorset_agreement (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id        uuid NOT NULL REFERENCES authority (id),
  purchase_request_id uuid NOT NULL,
  service_agreed      text NOT NULL CHECK (btrim(service_agreed) <> ''),
  service_agreed_on   date NOT NULL,
  review_process      text NOT NULL CHECK (btrim(review_process) <> ''),
  review_due_on       date NOT NULL CHECK (review_due_on >= service_agreed_on),
  notes               text NOT NULL DEFAULT '',
  recorded_by_id      uuid NOT NULL,
  recorded_at         timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (authority_id, purchase_request_id),
  FOREIGN KEY (authority_id, purchase_request_id) REFERENCES purchase_request (authority_id, id),
  FOREIGN KEY (authority_id, recorded_by_id) REFERENCES staff_user (authority_id, id)
);
