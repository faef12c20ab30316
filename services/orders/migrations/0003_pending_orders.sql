-- Orders still PENDING (adr/0027): one row per order, written with the order and deleted by the transition
-- that takes it out of PENDING, in the same transactions. Ids only and no row-level security (like the
-- outbox), so that one sweeper pass finds a stuck order of any tenant; the pass then works on the order inside
-- its tenant's transaction. Orders written before this migration have no row.
CREATE TABLE pending_orders (
  tenant_id  text        NOT NULL,
  order_id   uuid        NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, order_id)
);
CREATE INDEX pending_orders_by_age ON pending_orders (created_at);
