-- Single sign-on (OpenID Connect): each authority's identity provider, how its groups map onto
-- Pathfinder roles, the people it has vouched for, and sign-ins under way (state, nonce, PKCE).

CREATE TABLE identity_provider (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- One identity provider per authority.
  authority_id  uuid NOT NULL UNIQUE REFERENCES authority (id),
  issuer        text NOT NULL,
  client_id     text NOT NULL,
  client_secret text NOT NULL,
  scopes        text NOT NULL DEFAULT 'openid email profile',
  -- The claim that lists the person's groups (Entra ID and Keycloak: "groups").
  groups_claim  text NOT NULL DEFAULT 'groups',
  enabled       boolean NOT NULL DEFAULT true,
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  updated_at    timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (authority_id, id)
);

CREATE TABLE identity_provider_group_role (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id         uuid NOT NULL,
  identity_provider_id uuid NOT NULL,
  group_name           text NOT NULL,
  role                 role NOT NULL,
  area_id              uuid,
  FOREIGN KEY (authority_id, identity_provider_id) REFERENCES identity_provider (authority_id, id) ON DELETE CASCADE,
  FOREIGN KEY (authority_id, area_id) REFERENCES area (authority_id, id),
  UNIQUE NULLS NOT DISTINCT (identity_provider_id, group_name, role, area_id)
);

-- The provider's subject ("sub") for a member of staff: how they are found again next time.
CREATE TABLE external_identity (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id         uuid NOT NULL,
  identity_provider_id uuid NOT NULL,
  subject              text NOT NULL,
  staff_user_id        uuid NOT NULL,
  created_at           timestamptz(3) NOT NULL DEFAULT now(),
  FOREIGN KEY (authority_id, identity_provider_id) REFERENCES identity_provider (authority_id, id) ON DELETE CASCADE,
  FOREIGN KEY (authority_id, staff_user_id) REFERENCES staff_user (authority_id, id) ON DELETE CASCADE,
  UNIQUE (identity_provider_id, subject)
);
CREATE INDEX ON external_identity (staff_user_id);

-- A sign-in started in a browser: only the hash of the browser's cookie is kept, with the
-- state, nonce and PKCE verifier the callback must match. Used once, then deleted.
CREATE TABLE sign_in_attempt (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id  uuid NOT NULL REFERENCES authority (id),
  browser_hash  text NOT NULL UNIQUE,
  state         text NOT NULL,
  nonce         text NOT NULL,
  code_verifier text NOT NULL,
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  expires_at    timestamptz(3) NOT NULL
);
CREATE INDEX ON sign_in_attempt (expires_at);

-- Row-level security, as on every tenant table (migration 0010).
SELECT enable_tenant_isolation('identity_provider');
SELECT enable_tenant_isolation('identity_provider_group_role');
SELECT enable_tenant_isolation('external_identity');
SELECT enable_tenant_isolation('sign_in_attempt');
