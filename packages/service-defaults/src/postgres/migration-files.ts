import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One versioned migration: `NNNN_description.sql`, applied once, in version order. */
export interface Migration {
  readonly version: number;
  /** The file name, e.g. `0003_add_sessions.sql`; recorded with the checksum. */
  readonly file: string;
  readonly sql: string;
  /** SHA-256 (hex) of the SQL text. */
  readonly checksum: string;
}

/** SQL given in code instead of a file (e.g. `{ file: '0002_outbox.sql', sql: outboxMigrationSql() }`). */
export interface MigrationSource {
  readonly file: string;
  readonly sql: string;
}

/** A row of `schema_migrations`. */
export interface AppliedMigration {
  readonly version: number;
  readonly file: string;
  readonly checksum: string;
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

const MIGRATION_FILE = /^(\d{4})_([a-z0-9]+(?:_[a-z0-9]+)*)\.sql$/;

/** The version of `0003_add_sessions.sql` (3); throws a MigrationError naming the file when malformed. */
export function parseMigrationFileName(file: string): number {
  const match = MIGRATION_FILE.exec(file);
  if (!match?.[1]) {
    throw new MigrationError(
      `migration file name "${file}" is invalid: expected NNNN_description.sql (four digits, lower-case snake_case)`,
    );
  }
  const version = Number(match[1]);
  if (version === 0) throw new MigrationError(`migration "${file}": versions start at 0001`);
  return version;
}

export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

/** Validates names, rejects duplicate versions and returns the migrations sorted by version. */
export function orderMigrations(sources: readonly MigrationSource[]): Migration[] {
  const byVersion = new Map<number, Migration>();
  for (const { file, sql } of sources) {
    const version = parseMigrationFileName(file);
    const other = byVersion.get(version);
    if (other) throw new MigrationError(`migrations "${other.file}" and "${file}" share version ${version}`);
    if (sql.trim() === '') throw new MigrationError(`migration "${file}" is empty`);
    byVersion.set(version, { version, file, sql, checksum: migrationChecksum(sql) });
  }
  return [...byVersion.values()].sort((a, b) => a.version - b.version);
}

/** Reads every `*.sql` file of `dir` (other files, such as a README, are ignored). */
export function readMigrationDir(dir: string): MigrationSource[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.sql'))
    .map((entry) => ({ file: entry.name, sql: readFileSync(join(dir, entry.name), 'utf8') }));
}

/**
 * Compares what the database recorded with what the service ships and returns the migrations still to apply.
 * Refuses (MigrationError naming the file) when an applied migration was edited, renamed or removed, or when
 * a pending migration is older than one already applied (a branch merged with a stale number).
 */
export function pendingMigrations(
  migrations: readonly Migration[],
  applied: readonly AppliedMigration[],
): Migration[] {
  const shipped = new Map(migrations.map((m) => [m.version, m]));
  for (const row of applied) {
    const migration = shipped.get(row.version);
    if (!migration) {
      throw new MigrationError(
        `applied migration ${row.file} is missing: restore the file (never delete one)`,
      );
    }
    if (migration.file !== row.file) {
      throw new MigrationError(
        `migration ${migration.file} has the version of the applied ${row.file}: restore the original name`,
      );
    }
    if (migration.checksum !== row.checksum) {
      throw new MigrationError(
        `migration ${row.file} changed after it was applied (checksum ${row.checksum.slice(0, 12)}… recorded, ` +
          `${migration.checksum.slice(0, 12)}… now): revert it and add a new migration instead`,
      );
    }
  }
  const appliedVersions = new Set(applied.map((row) => row.version));
  const latest = Math.max(0, ...appliedVersions);
  const pending = migrations.filter((m) => !appliedVersions.has(m.version));
  const stale = pending.find((m) => m.version < latest);
  if (stale) {
    throw new MigrationError(
      `migration ${stale.file} is pending but version ${latest} is already applied: renumber it after ${latest}`,
    );
  }
  return pending;
}
