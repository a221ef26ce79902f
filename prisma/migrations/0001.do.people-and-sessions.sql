-- Authorities (tenants), their areas, staff, role assignments and sign-in sessions.

CREATE TYPE role AS ENUM (
  'LEAD_PROFESSIONAL', 'APPROVER', 'BUDGET_MANAGER', 'FINANCE_OFFICER',
  'AUTHORITY_ADMIN', 'OVERSEER', 'PLATFORM_ADMIN'
);

CREATE TABLE authority (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name       text NOT NULL UNIQUE,
  code       text NOT NULL UNIQUE,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE area (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id uuid NOT NULL REFERENCES authority (id),
  name         text NOT NULL,
  created_at   timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (authority_id, id),
  UNIQUE (authority_id, name)
);

CREATE TABLE staff_user (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id  uuid NOT NULL REFERENCES authority (id),
  email         text NOT NULL UNIQUE,
  name          text NOT NULL,
  job_title     text,
  password_hash text,
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (authority_id, id)
);

CREATE TABLE role_assignment (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id  uuid NOT NULL REFERENCES authority (id),
  staff_user_id uuid NOT NULL,
  role          role NOT NULL,
  area_id       uuid,
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  -- Composite keys: an assignment can only point at a user and an area of its own authority.
  FOREIGN KEY (authority_id, staff_user_id) REFERENCES staff_user (authority_id, id) ON DELETE CASCADE,
  FOREIGN KEY (authority_id, area_id) REFERENCES area (authority_id, id),
  UNIQUE (staff_user_id, role, area_id)
);
CREATE INDEX ON role_assignment (authority_id, area_id);

CREATE TABLE session (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  staff_user_id uuid NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
  token_hash    text NOT NULL UNIQUE,
  method        text NOT NULL,
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  expires_at    timestamptz(3) NOT NULL,
  revoked_at    timestamptz(3)
);
CREATE INDEX ON session (staff_user_id);
