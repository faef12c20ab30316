-- The catalog's own schema (adr/0014). Every table holding tenant data carries tenant_id first in its keys and
-- follows the row-level-security pattern of packages/service-defaults/README.md ("Postgres"): FORCE makes the
-- policy bind the owning role too; the app role has neither SUPERUSER nor BYPASSRLS. Queries run inside
-- withTenant, which sets app.tenant_id for the transaction. The outbox comes as 0002 (outboxMigrationSql()).
-- The tenant itself is not stored: the catalog trusts the tenant of identity's signed tokens (adr/0015).

-- One row per product: the current content, its version (optimistic concurrency) and the change sequence
-- (bumped by every change, stock included; the order of ProductChanged events).
CREATE TABLE products (
  tenant_id    text        NOT NULL DEFAULT current_setting('app.tenant_id')
               CHECK (tenant_id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  id           uuid        NOT NULL,
  owner_region text        NOT NULL CHECK (owner_region ~ '^[a-z][a-z0-9-]{1,15}$'),
  status       text        NOT NULL CHECK (status IN ('draft', 'active', 'archived')),
  title        text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description  text        NOT NULL CHECK (length(description) <= 5000),
  category     text        NOT NULL CHECK (length(category) BETWEEN 1 AND 100),
  brand        text        NOT NULL CHECK (length(brand) BETWEEN 1 AND 100),
  attributes   jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(attributes) = 'object'),
  media        jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(media) = 'array'),
  version      integer     NOT NULL CHECK (version >= 1),
  sequence     bigint      NOT NULL CHECK (sequence >= version),
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  updated_by   text        NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
-- Listing orders (adr/0014: keyset pagination, id as the tie-breaker).
CREATE INDEX products_newest ON products (tenant_id, status, created_at DESC, id DESC);
CREATE INDEX products_title ON products (tenant_id, status, lower(title), id);
CREATE INDEX products_category ON products (tenant_id, category text_pattern_ops);
ALTER TABLE products ENABLE ROW LEVEL SECURITY;
ALTER TABLE products FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON products
  USING (tenant_id = current_setting('app.tenant_id'))
  WITH CHECK (tenant_id = current_setting('app.tenant_id'));

-- SKUs. A code is unique in the tenant for ever (retired SKUs keep theirs: orders refer to it).
CREATE TABLE skus (
  tenant_id  text        NOT NULL DEFAULT current_setting('app.tenant_id'),
  id         uuid        NOT NULL,
  product_id uuid        NOT NULL,
  code       text        NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9._-]{0,63}$'),
  options    jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(options) = 'object'),
  position   integer     NOT NULL CHECK (position >= 0),
  retired_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, product_id) REFERENCES products (tenant_id, id),
  -- DEFERRABLE: an edit that swaps two codes defers the check to COMMIT (it is immediate otherwise).
  CONSTRAINT skus_code_key UNIQUE (tenant_id, code) DEFERRABLE INITIALLY IMMEDIATE
);
CREATE INDEX skus_product ON skus (tenant_id, product_id);
ALTER TABLE skus ENABLE ROW LEVEL SECURITY;
ALTER TABLE skus FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON skus
  USING (tenant_id = current_setting('app.tenant_id'))
  WITH CHECK (tenant_id = current_setting('app.tenant_id'));

-- Prices in integer minor units, one per SKU and region.
CREATE TABLE sku_prices (
  tenant_id    text   NOT NULL DEFAULT current_setting('app.tenant_id'),
  sku_id       uuid   NOT NULL,
  region       text   NOT NULL CHECK (region ~ '^[a-z][a-z0-9-]{1,15}$'),
  currency     text   NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  amount_minor bigint NOT NULL CHECK (amount_minor BETWEEN 0 AND 1000000000000),
  PRIMARY KEY (tenant_id, sku_id, region),
  FOREIGN KEY (tenant_id, sku_id) REFERENCES skus (tenant_id, id) ON DELETE CASCADE
);
ALTER TABLE sku_prices ENABLE ROW LEVEL SECURITY;
ALTER TABLE sku_prices FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sku_prices
  USING (tenant_id = current_setting('app.tenant_id'))
  WITH CHECK (tenant_id = current_setting('app.tenant_id'));

-- Stock per SKU and region. The CHECKs are the last line of defence: stock never goes negative, even if a
-- statement forgot its guard.
CREATE TABLE stock_levels (
  tenant_id text    NOT NULL DEFAULT current_setting('app.tenant_id'),
  sku_id    uuid    NOT NULL,
  region    text    NOT NULL CHECK (region ~ '^[a-z][a-z0-9-]{1,15}$'),
  available integer NOT NULL CHECK (available >= 0),
  reserved  integer NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  PRIMARY KEY (tenant_id, sku_id, region),
  FOREIGN KEY (tenant_id, sku_id) REFERENCES skus (tenant_id, id)
);
ALTER TABLE stock_levels ENABLE ROW LEVEL SECURITY;
ALTER TABLE stock_levels FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stock_levels
  USING (tenant_id = current_setting('app.tenant_id'))
  WITH CHECK (tenant_id = current_setting('app.tenant_id'));

-- Reservations, keyed by the caller's idempotency key. A RELEASE of an unknown key leaves a tombstone
-- (state released, quantity 0) so that a late RESERVE with that key is refused.
CREATE TABLE stock_reservations (
  tenant_id    text        NOT NULL DEFAULT current_setting('app.tenant_id'),
  key          text        NOT NULL CHECK (length(key) BETWEEN 8 AND 200),
  sku_id       uuid        NOT NULL,
  region       text        NOT NULL,
  quantity     integer     NOT NULL CHECK (quantity >= 0),
  state        text        NOT NULL CHECK (state IN ('reserved', 'released')),
  request_hash text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  released_at  timestamptz,
  PRIMARY KEY (tenant_id, key),
  FOREIGN KEY (tenant_id, sku_id) REFERENCES skus (tenant_id, id),
  CHECK ((state = 'released') = (released_at IS NOT NULL))
);
ALTER TABLE stock_reservations ENABLE ROW LEVEL SECURITY;
ALTER TABLE stock_reservations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stock_reservations
  USING (tenant_id = current_setting('app.tenant_id'))
  WITH CHECK (tenant_id = current_setting('app.tenant_id'));

-- Immutable history: one row per content version (who, when, what changed, the content as of then).
CREATE TABLE product_versions (
  tenant_id      text        NOT NULL DEFAULT current_setting('app.tenant_id'),
  product_id     uuid        NOT NULL,
  version        integer     NOT NULL CHECK (version >= 1),
  change         text        NOT NULL CHECK (change IN ('created', 'updated', 'archived')),
  changed_fields text[]      NOT NULL DEFAULT '{}',
  changed_by     text        NOT NULL,
  changed_at     timestamptz NOT NULL,
  snapshot       jsonb       NOT NULL,
  PRIMARY KEY (tenant_id, product_id, version),
  FOREIGN KEY (tenant_id, product_id) REFERENCES products (tenant_id, id)
);
ALTER TABLE product_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE product_versions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON product_versions
  USING (tenant_id = current_setting('app.tenant_id'))
  WITH CHECK (tenant_id = current_setting('app.tenant_id'));

-- The table owner could still UPDATE or DELETE versions; this trigger makes the history append-only for
-- everyone but a superuser who disables it on purpose.
CREATE FUNCTION product_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'product versions are immutable' USING ERRCODE = 'raise_exception';
END;
$$;
CREATE TRIGGER product_versions_immutable BEFORE UPDATE OR DELETE ON product_versions
  FOR EACH ROW EXECUTE FUNCTION product_versions_immutable();

-- The lowest live-SKU price per product and region: region filter, price range and price order of
-- ListProducts read it with an index instead of aggregating prices per request. Rewritten with every edit.
CREATE TABLE product_region_prices (
  tenant_id        text   NOT NULL DEFAULT current_setting('app.tenant_id'),
  product_id       uuid   NOT NULL,
  region           text   NOT NULL,
  currency         text   NOT NULL,
  min_amount_minor bigint NOT NULL CHECK (min_amount_minor >= 0),
  PRIMARY KEY (tenant_id, product_id, region),
  FOREIGN KEY (tenant_id, product_id) REFERENCES products (tenant_id, id)
);
CREATE INDEX product_region_prices_order ON product_region_prices (tenant_id, region, min_amount_minor, product_id);
ALTER TABLE product_region_prices ENABLE ROW LEVEL SECURITY;
ALTER TABLE product_region_prices FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON product_region_prices
  USING (tenant_id = current_setting('app.tenant_id'))
  WITH CHECK (tenant_id = current_setting('app.tenant_id'));

-- Idempotency of the admin mutations (create, update, archive, set stock): the key is claimed in the same
-- transaction as the change, so a retry either replays the stored response or, if the first attempt rolled
-- back, runs again. A key reused for a different request (other fingerprint) is refused.
CREATE TABLE idempotency_keys (
  tenant_id    text        NOT NULL DEFAULT current_setting('app.tenant_id'),
  key          text        NOT NULL CHECK (length(key) BETWEEN 8 AND 200),
  operation    text        NOT NULL,
  request_hash text        NOT NULL,
  response     jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, key)
);
ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON idempotency_keys
  USING (tenant_id = current_setting('app.tenant_id'))
  WITH CHECK (tenant_id = current_setting('app.tenant_id'));
