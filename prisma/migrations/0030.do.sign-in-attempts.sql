-- Every password check (sign-in, change of password), so attempts can be limited per account and
-- per client address with the state in the database: every API replica sees the same counts.
-- Not tenant-owned: the account is the e-mail address as typed, known to Pathfinder or not, so a
-- lockout answers the same for an address that has no account.

CREATE TABLE sign_in_attempt (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The e-mail address, trimmed and lower-cased.
  account        text NOT NULL CHECK (length(account) <= 320),
  -- The client's network address; null when the API could not tell.
  client_address text CHECK (length(client_address) <= 64),
  succeeded      boolean NOT NULL DEFAULT false,
  attempted_at   timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_attempt_account_idx ON sign_in_attempt (account, attempted_at);
CREATE INDEX sign_in_attempt_address_idx ON sign_in_attempt (client_address, attempted_at);
