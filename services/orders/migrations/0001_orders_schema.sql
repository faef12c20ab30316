-- The orders service's own schema (services/orders/README.md). Every table with tenant data follows the
-- row-level-security pattern of packages/service-defaults/README.md ("Postgres"): FORCE binds the owning role
-- too (no SUPERUSER, no BYPASSRLS); queries run inside withTenant, which sets app.tenant_id for the
-- transaction. The outbox comes as 0002 (outboxMigrationSql()). No payment data: a payment method is a
-- Stripe id, the payment itself lives in the payments service.

-- One order: the lines and total as the cart snapshot priced them, and where the checkout stands.
CREATE TABLE orders (
  tenant_id         text        NOT NULL DEFAULT current_setting('app.tenant_id')
                    CHECK (tenant_id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  id                uuid        NOT NULL,
  user_id           text        NOT NULL CHECK (length(user_id) BETWEEN 1 AND 128),
  state             text        NOT NULL CHECK (state IN ('PENDING', 'STOCK_RESERVED', 'PAYMENT_AUTHORIZED',
                    'PAID', 'CONFIRMED', 'FAILED', 'CANCELLED', 'COMPENSATED', 'REFUNDED')),
  currency          text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  total_minor       bigint      NOT NULL CHECK (total_minor > 0),
  -- [{productId, skuId, region, skuCode, title, quantity, unitPriceMinor}], 1-50 lines.
  lines             jsonb       NOT NULL CHECK (jsonb_typeof(lines) = 'array' AND jsonb_array_length(lines)
                    BETWEEN 1 AND 50),
  payment_method_id text        NOT NULL CHECK (payment_method_id ~ '^pm_[A-Za-z0-9_]{1,100}$'),
  payment_id        uuid,
  failure_reason    text        CHECK (failure_reason ~ '^[a-z0-9_]{1,64}$'),
  version           integer     NOT NULL CHECK (version >= 1),
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
-- A shopper's history and the back office's list, newest first (cursor: created_at, id).
CREATE INDEX orders_by_user ON orders (tenant_id, user_id, created_at DESC, id DESC);
CREATE INDEX orders_newest ON orders (tenant_id, created_at DESC, id DESC);
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE orders FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON orders
  USING (tenant_id = current_setting('app.tenant_id'))
  WITH CHECK (tenant_id = current_setting('app.tenant_id'));

-- Every state change of an order, in the same transaction as the change (and its order.lifecycle event).
CREATE TABLE order_transitions (
  tenant_id  text        NOT NULL DEFAULT current_setting('app.tenant_id'),
  order_id   uuid        NOT NULL,
  version    integer     NOT NULL CHECK (version >= 1),
  from_state text,
  to_state   text        NOT NULL,
  reason     text        NOT NULL DEFAULT '',
  at         timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, order_id, version),
  FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id)
);
ALTER TABLE order_transitions ENABLE ROW LEVEL SECURITY;
ALTER TABLE order_transitions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON order_transitions
  USING (tenant_id = current_setting('app.tenant_id'))
  WITH CHECK (tenant_id = current_setting('app.tenant_id'));
