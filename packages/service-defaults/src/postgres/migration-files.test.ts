import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  migrationChecksum,
  orderMigrations,
  parseMigrationFileName,
  pendingMigrations,
  readMigrationDir,
  type AppliedMigration,
} from './migration-files.js';

const m = (file: string, sql = `-- ${file}\nSELECT 1;`) => ({ file, sql });
const appliedOf = (file: string, sql = `-- ${file}\nSELECT 1;`): AppliedMigration => ({
  version: parseMigrationFileName(file),
  file,
  checksum: migrationChecksum(sql),
});

describe('parseMigrationFileName', () => {
  it('reads the version of NNNN_description.sql', () => {
    expect(parseMigrationFileName('0001_init.sql')).toBe(1);
    expect(parseMigrationFileName('0042_add_sessions_table.sql')).toBe(42);
  });

  it.each([
    '1_init.sql',
    '0001-init.sql',
    '0001_Init.sql',
    '0001_.sql',
    '0001_init.SQL',
    '00001_x.sql',
    '0000_x.sql',
  ])('rejects %s, naming it', (file) => {
    expect(() => parseMigrationFileName(file)).toThrow(file);
  });
});

describe('migrationChecksum', () => {
  it('is the SHA-256 hex digest of the text', () => {
    expect(migrationChecksum('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(migrationChecksum('SELECT 1;')).not.toBe(migrationChecksum('SELECT 1; '));
  });
});

describe('orderMigrations', () => {
  it('sorts by version, not by listing order', () => {
    const ordered = orderMigrations([m('0010_c.sql'), m('0002_b.sql'), m('0001_a.sql')]);
    expect(ordered.map((x) => x.file)).toEqual(['0001_a.sql', '0002_b.sql', '0010_c.sql']);
    expect(ordered[0]?.checksum).toBe(migrationChecksum(m('0001_a.sql').sql));
  });

  it('refuses two files with one version', () => {
    expect(() => orderMigrations([m('0001_a.sql'), m('0001_b.sql')])).toThrow(/0001_a.sql.*0001_b.sql/);
  });

  it('refuses an empty file', () => {
    expect(() => orderMigrations([m('0001_a.sql', '  \n')])).toThrow('0001_a.sql');
  });
});

describe('pendingMigrations', () => {
  const shipped = orderMigrations([m('0001_a.sql'), m('0002_b.sql'), m('0003_c.sql')]);

  it('returns what is not applied yet, in order', () => {
    expect(pendingMigrations(shipped, [appliedOf('0001_a.sql')]).map((x) => x.file)).toEqual([
      '0002_b.sql',
      '0003_c.sql',
    ]);
    expect(
      pendingMigrations(
        shipped,
        shipped.map((x) => appliedOf(x.file)),
      ),
    ).toEqual([]);
  });

  it('refuses an applied migration whose file changed, naming it', () => {
    expect(() => pendingMigrations(shipped, [appliedOf('0001_a.sql', 'CREATE TABLE x ();')])).toThrow(
      /0001_a\.sql changed after it was applied/,
    );
  });

  it('refuses an applied migration that is missing', () => {
    expect(() => pendingMigrations(shipped, [appliedOf('0004_d.sql')])).toThrow(
      /applied migration 0004_d\.sql is missing/,
    );
  });

  it('refuses a renamed migration', () => {
    expect(() => pendingMigrations(shipped, [appliedOf('0001_old_name.sql')])).toThrow(
      /0001_a\.sql.*0001_old_name\.sql/,
    );
  });

  it('refuses a pending migration older than an applied one', () => {
    const applied = [appliedOf('0001_a.sql'), appliedOf('0003_c.sql')];
    expect(() => pendingMigrations(shipped, applied)).toThrow(/0002_b\.sql is pending but version 3/);
  });
});

describe('readMigrationDir', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads *.sql files only', () => {
    dir = mkdtempSync(join(tmpdir(), 'migrations-'));
    writeFileSync(join(dir, '0001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, 'README.md'), '# notes');
    mkdirSync(join(dir, 'old.sql'));
    expect(readMigrationDir(dir)).toEqual([{ file: '0001_a.sql', sql: 'SELECT 1;' }]);
  });
});
