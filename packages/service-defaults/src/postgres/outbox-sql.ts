/** The channel the outbox trigger notifies on commit; the relay LISTENs on it. */
export const OUTBOX_CHANNEL = 'shopstream_outbox';

/**
 * DDL of the transactional outbox, for a service's migrations:
 * `runMigrations(pool, { dir, logger, extraMigrations: [{ file: '0002_outbox.sql', sql: outboxMigrationSql() }] })`.
 *
 * The text is FROZEN: once applied, its checksum is recorded in `schema_migrations`, and any edit would make
 * every service refuse to start. Schema changes to the outbox ship as a new function (`outboxMigrationSqlV2`)
 * that services add as a new migration; `outbox-sql.test.ts` pins the checksum.
 *
 * Columns follow what Debezium's outbox event router expects (id, aggregate id = `subject`, type, payload,
 * route by `topic`), so the full profile can stream the same table. The table has no row-level security: the
 * relay reads every tenant's rows; `enqueueEvent` refuses an event whose tenant differs from the
 * transaction's `app.tenant_id`.
 */
export function outboxMigrationSql(): string {
  return `-- Transactional outbox (@shopstream/service-defaults/postgres, outboxMigrationSql v1)
CREATE TABLE outbox (
  id              uuid PRIMARY KEY,
  seq             bigint GENERATED ALWAYS AS IDENTITY,
  tenant_id       text NOT NULL,
  topic           text NOT NULL,
  type            text NOT NULL,
  subject         text,
  payload         jsonb NOT NULL,
  traceparent     text,
  created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  published_at    timestamptz,
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  last_error      text
);

CREATE INDEX outbox_unpublished ON outbox (created_at, seq) WHERE published_at IS NULL;

CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('${OUTBOX_CHANNEL}', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
  FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
`;
}
