import { describe, expect, it } from 'vitest';
import { migrationChecksum } from './migration-files.js';
import { outboxMigrationSql } from './outbox-sql.js';

describe('outboxMigrationSql', () => {
  it('is frozen: services record its checksum when they apply it', () => {
    // Changing this DDL would make every service that applied it refuse to start (checksum mismatch).
    // Add outboxMigrationSqlV2 (applied as a new migration) instead of editing it.
    expect(migrationChecksum(outboxMigrationSql())).toBe(
      'd1ed5ffcb4fac67a7cae3de44ae0daab82a8935fb79d1ce112c7def07ea49846',
    );
  });

  it('creates the outbox, its unpublished index and the notify trigger', () => {
    const sql = outboxMigrationSql();
    expect(sql).toContain('CREATE TABLE outbox');
    expect(sql).toContain('WHERE published_at IS NULL');
    expect(sql).toContain("pg_notify('shopstream_outbox'");
  });
});
