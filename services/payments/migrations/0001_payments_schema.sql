-- The payments service's own schema (services/payments/README.md). Every table with tenant data follows the
-- row-level-security pattern of packages/service-defaults/README.md ("Postgres"): FORCE binds the owning role
-- too (no SUPERUSER, no BYPASSRLS); queries run inside withTenant, which sets app.tenant_id for the
-- transaction. The outbox comes as 0002 (outboxMigrationSql()). No card data is ever stored: a payment
-- method is a Stripe id.

-- One payment per order: our record of one Stripe PaymentIntent.
CREATE TABLE payments (
  tenant_id         text        NOT NULL DEFAULT current_setting('app.tenant_id')
                    CHECK (tenant_id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  id                uuid        NOT NULL,
  order_id          uuid        NOT NULL,
  status            text        NOT NULL CHECK (status IN
                    ('requires_action', 'authorized', 'captured', 'failed', 'canceled', 'refunded')),
  currency          text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  amount_minor      bigint      NOT NULL CHECK (amount_minor > 0),
  refunded_minor    bigint      NOT NULL DEFAULT 0 CHECK (refunded_minor BETWEEN 0 AND amount_minor),
  stripe_intent_id  text        NOT NULL CHECK (stripe_intent_id ~ '^pi_[A-Za-z0-9_]+$'),
  failure_code      text        CHECK (failure_code ~ '^[a-z0-9_]{1,64}$'),
  version           integer     NOT NULL CHECK (version >= 1),
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT payments_one_per_order UNIQUE (tenant_id, order_id)
);
-- Webhooks and the reconciler find a payment by its PaymentIntent; Stripe ids are unique across tenants.
CREATE UNIQUE INDEX payments_stripe_intent ON payments (stripe_intent_id);
CREATE INDEX payments_newest ON payments (tenant_id, created_at DESC, id DESC);
ALTER TABLE payments ENABLE ROW LEVEL SECURITY;
ALTER TABLE payments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON payments
  USING (tenant_id = current_setting('app.tenant_id'))
  WITH CHECK (tenant_id = current_setting('app.tenant_id'));

-- Idempotency keys of the mutating RPCs: the first call's answer, replayed to every repeat with the same key
-- and request; the same key with another request is refused.
CREATE TABLE idempotency_keys (
  tenant_id    text        NOT NULL DEFAULT current_setting('app.tenant_id'),
  key          text        NOT NULL CHECK (length(key) BETWEEN 1 AND 128),
  operation    text        NOT NULL,
  request_hash text        NOT NULL,
  response     jsonb,
  created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, key)
);
ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON idempotency_keys
  USING (tenant_id = current_setting('app.tenant_id'))
  WITH CHECK (tenant_id = current_setting('app.tenant_id'));

-- The webhook inbox: every verified Stripe event once, by its event id (a redelivery finds its row and changes
-- nothing). `outcome` says what it did to the payment ('applied', 'unchanged').
CREATE TABLE webhook_inbox (
  tenant_id   text        NOT NULL DEFAULT current_setting('app.tenant_id'),
  event_id    text        NOT NULL CHECK (event_id ~ '^evt_[A-Za-z0-9_]+$'),
  event_type  text        NOT NULL,
  payment_id  uuid        NOT NULL,
  outcome     text        NOT NULL,
  received_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, event_id)
);
ALTER TABLE webhook_inbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_inbox FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_inbox
  USING (tenant_id = current_setting('app.tenant_id'))
  WITH CHECK (tenant_id = current_setting('app.tenant_id'));

-- Payments that Stripe may still move without us hearing of it (a missed webhook; a change the emulator sends
-- no webhook for): requires_action and authorized ones, with when the reconciler looks next. Ids only, no
-- row-level security (like the outbox): the reconciler finds every tenant's, then reads each payment inside
-- its tenant's transaction. Written in the same transaction as every payment change.
CREATE TABLE open_payments (
  payment_id    uuid        PRIMARY KEY,
  tenant_id     text        NOT NULL,
  next_check_at timestamptz NOT NULL
);
CREATE INDEX open_payments_due ON open_payments (next_check_at);
