import { Client, escapeIdentifier, escapeLiteral } from 'pg';
import { ports } from './ports.js';
import { devCredentials as cred } from './layout.js';
import { StackError } from './supervisor.js';

/**
 * Each service owns one database (ARCHITECTURE §3), reached as a role of the same name that owns the database
 * and nothing else: LOGIN, but not a superuser, no CREATEDB/CREATEROLE/REPLICATION and no BYPASSRLS, so
 * row-level security applies to it (its tables use FORCE ROW LEVEL SECURITY, see service-defaults' README).
 */
export const DATABASE_NAME = /^[a-z][a-z0-9_]{0,62}$/;

const RESERVED = new Set(['postgres', 'template0', 'template1', 'public', cred.postgresUser]);

/** Local development password of an app's role (loopback only). */
export const appDatabasePassword = (name: string) => `${name}-dev-password`;

/** DATABASE_URL handed to the app that owns database `name`. */
export function appDatabaseUrl(name: string, port = ports.postgres): string {
  const password = encodeURIComponent(appDatabasePassword(name));
  return `postgres://${name}:${password}@127.0.0.1:${port}/${name}`;
}

/** Why `name` cannot be an app database, or undefined when it can. */
export function databaseNameProblem(name: string): string | undefined {
  if (!DATABASE_NAME.test(name))
    return 'lower-case snake_case, starting with a letter, at most 63 characters';
  if (RESERVED.has(name) || name.startsWith('pg_')) return `"${name}" is reserved`;
  return undefined;
}

/**
 * The databases of an app list, each once. Each service owns its database: several Dapr apps of the SAME
 * service (same `appDirPath`, e.g. identity's gRPC API and its actor host) may share it; apps of different
 * services may not.
 */
export function appDatabases(
  apps: readonly { appID: string; appDirPath?: string; database?: string | undefined }[],
): string[] {
  const owners = new Map<string, { appID: string; dir: string | undefined }>();
  for (const app of apps) {
    if (app.database === undefined) continue;
    const other = owners.get(app.database);
    if (other && other.dir !== app.appDirPath) {
      throw new StackError(
        `apps ${other.appID} and ${app.appID} belong to different services but both declare database "${app.database}"`,
      );
    }
    if (!other) owners.set(app.database, { appID: app.appID, dir: app.appDirPath });
  }
  return [...owners.keys()];
}

// INHERIT (the default) is needed: the owner reaches schema public through pg_database_owner (PG 15).
const ROLE_ATTRIBUTES = 'LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS';

/** SQL that creates (`exists` false) or re-asserts the role of an app database; idempotent as a pair. */
export function roleStatement(name: string, exists: boolean, password = appDatabasePassword(name)): string {
  const verb = exists ? 'ALTER' : 'CREATE';
  return `${verb} ROLE ${escapeIdentifier(name)} WITH ${ROLE_ATTRIBUTES} PASSWORD ${escapeLiteral(password)}`;
}

/** SQL run once the database exists: only its owner (and superusers) may connect. */
export function databaseStatements(name: string, exists: boolean): string[] {
  const db = escapeIdentifier(name);
  return [
    ...(exists ? [`ALTER DATABASE ${db} OWNER TO ${db}`] : [`CREATE DATABASE ${db} OWNER ${db}`]),
    `REVOKE ALL ON DATABASE ${db} FROM PUBLIC`,
  ];
}

export interface ProvisionTarget {
  port?: number;
  user?: string;
  password?: string;
}

/**
 * Creates, idempotently, a LOGIN role and a database owned by it for each name, connecting as the local
 * superuser. Runs as the postgres process' `afterReady`, before any app starts.
 */
export async function provisionAppDatabases(
  names: readonly string[],
  target: ProvisionTarget = {},
): Promise<void> {
  for (const name of names) {
    const problem = databaseNameProblem(name);
    if (problem) throw new StackError(`database "${name}": ${problem}`);
  }
  if (names.length === 0) return;
  const client = superuserClient(target);
  let current = '';
  try {
    await client.connect();
    for (const name of names) {
      current = name;
      const role = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
      await client.query(roleStatement(name, role.rowCount === 1));
      const db = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      for (const sql of databaseStatements(name, db.rowCount === 1)) await client.query(sql);
    }
  } catch (err) {
    const what = current === '' ? 'connecting as the superuser' : `database "${current}"`;
    throw new StackError(`postgres: provisioning failed (${what}): ${(err as Error).message}`, {
      cause: err,
    });
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A connection to the maintenance database as the stack's superuser (provisioning only). */
function superuserClient(target: ProvisionTarget): Client {
  return new Client({
    host: '127.0.0.1',
    port: target.port ?? ports.postgres,
    user: target.user ?? cred.postgresUser,
    password: target.password ?? cred.postgresPassword,
    database: 'postgres',
    application_name: 'shopstream-supervisor',
    connectionTimeoutMillis: 5_000,
  });
}

/** Drops what `provisionAppDatabases` created (tests). */
export async function dropAppDatabase(name: string, target: ProvisionTarget = {}): Promise<void> {
  const problem = databaseNameProblem(name);
  if (problem) throw new Error(`database "${name}": ${problem}`);
  const client = superuserClient(target);
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(`DROP ROLE IF EXISTS ${escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
