-- Identity's own schema. Every table holding tenant data carries tenant_id first in its keys and follows the
-- row-level-security pattern of packages/service-defaults/README.md ("Postgres"): FORCE makes the policy apply
-- to the owning role too, and the app role has neither SUPERUSER nor BYPASSRLS. Queries run inside
-- withTenant, which sets app.tenant_id for the transaction. The outbox comes as 0002 (outboxMigrationSql()).

CREATE TABLE tenants (
  tenant_id    text        NOT NULL DEFAULT current_setting('app.tenant_id')
               CHECK (tenant_id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  display_name text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id)
);
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants
  USING (tenant_id = current_setting('app.tenant_id'))
  WITH CHECK (tenant_id = current_setting('app.tenant_id'));

-- One account per email per tenant: the unique index on (tenant_id, email_key) is what decides a duplicate
-- sign-up race (the loser gets 23505 users_email_key → Identity.EmailTaken). email keeps the address as
-- typed (domain lower-cased by the schema); email_key folds the case of the whole address.
CREATE TABLE users (
  tenant_id  text        NOT NULL DEFAULT current_setting('app.tenant_id') REFERENCES tenants (tenant_id),
  id         uuid        NOT NULL,
  email      text        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  email_key  text        GENERATED ALWAYS AS (lower(email)) STORED,
  roles      text[]      NOT NULL DEFAULT '{}',
  admin      boolean     NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX users_email_key ON users (tenant_id, email_key);
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON users
  USING (tenant_id = current_setting('app.tenant_id'))
  WITH CHECK (tenant_id = current_setting('app.tenant_id'));

CREATE TABLE credentials (
  tenant_id     text        NOT NULL DEFAULT current_setting('app.tenant_id'),
  user_id       uuid        NOT NULL,
  password_hash text        NOT NULL CHECK (password_hash LIKE '$argon2%'),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, user_id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
ALTER TABLE credentials ENABLE ROW LEVEL SECURITY;
ALTER TABLE credentials FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON credentials
  USING (tenant_id = current_setting('app.tenant_id'))
  WITH CHECK (tenant_id = current_setting('app.tenant_id'));

-- The RefreshFamily record of src/domain/refresh-family.ts (hashes only, plus the sealed successor).
-- Writes are compare-and-set on generation (and NOT revoked: revocation is terminal).
CREATE TABLE refresh_families (
  tenant_id                 text        NOT NULL DEFAULT current_setting('app.tenant_id'),
  family_id                 text        NOT NULL CHECK (family_id ~ '^[A-Za-z0-9_-]{22}$'),
  user_id                   uuid        NOT NULL,
  session_id                text        NOT NULL,
  generation                integer     NOT NULL CHECK (generation >= 0),
  current_hash              text        NOT NULL,
  previous_hash             text,
  previous_rotated_at       timestamptz,
  previous_sealed_successor text,
  used_hashes               text[]      NOT NULL DEFAULT '{}',
  revoked                   boolean     NOT NULL DEFAULT false,
  revoked_at                timestamptz,
  revoked_reason            text        CHECK (revoked_reason IN
                              ('reuse-detected', 'sign-out', 'sign-out-everywhere', 'password-changed')),
  device_label              text        CHECK (length(device_label) <= 100),
  user_agent_hash           text,
  created_at                timestamptz NOT NULL,
  last_used_at              timestamptz NOT NULL,
  expires_at                timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, family_id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE,
  CHECK ((previous_hash IS NULL) = (previous_rotated_at IS NULL)
     AND (previous_hash IS NULL) = (previous_sealed_successor IS NULL)),
  CHECK (revoked = (revoked_at IS NOT NULL) AND revoked = (revoked_reason IS NOT NULL))
);
CREATE INDEX refresh_families_user ON refresh_families (tenant_id, user_id) WHERE NOT revoked;
ALTER TABLE refresh_families ENABLE ROW LEVEL SECURITY;
ALTER TABLE refresh_families FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON refresh_families
  USING (tenant_id = current_setting('app.tenant_id'))
  WITH CHECK (tenant_id = current_setting('app.tenant_id'));

-- The access-token signing key ring, service-wide (not tenant data: tokens carry the tenant as a claim).
-- STOP-GAP: the exported ring holds the current PRIVATE key in clear; a secret store replaces this table
-- (see README, "Signing keys"). One row; version is the compare-and-set guard for rotation.
CREATE TABLE signing_keys (
  ring_id     text        NOT NULL DEFAULT 'access-tokens' CHECK (ring_id = 'access-tokens'),
  current_kid text        NOT NULL,
  key_ring    jsonb       NOT NULL,
  version     integer     NOT NULL CHECK (version >= 1),
  created_at  timestamptz NOT NULL DEFAULT now(),
  rotated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (ring_id)
);
