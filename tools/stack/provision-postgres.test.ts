import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appProcesses, readAppsFile } from './apps.js';
import { ports } from './ports.js';
import {
  appDatabases,
  appDatabaseUrl,
  databaseNameProblem,
  databaseStatements,
  roleStatement,
} from './provision-postgres.js';

describe('app databases', () => {
  it.each(['catalog', 'identity', 'orders_v2', 't_0a1b'])('accepts %s', (name) => {
    expect(databaseNameProblem(name)).toBeUndefined();
  });

  it.each([
    'Catalog',
    'order-service',
    '1st',
    '',
    'postgres',
    'template1',
    'shopstream',
    'pg_catalog',
    'x'.repeat(64),
  ])('rejects %j', (name) => {
    expect(databaseNameProblem(name)).toBeDefined();
  });

  it('lists each database once; apps of one service may share it, apps of two services may not', () => {
    expect(
      appDatabases([{ appID: 'a', database: 'a' }, { appID: 'b' }, { appID: 'c', database: 'c' }]),
    ).toEqual(['a', 'c']);
    expect(
      appDatabases([
        { appID: 'identity', appDirPath: 'services/identity', database: 'identity' },
        { appID: 'identity-sessions', appDirPath: 'services/identity', database: 'identity' },
      ]),
    ).toEqual(['identity']);
    expect(() =>
      appDatabases([
        { appID: 'a', appDirPath: 'services/a', database: 'shared' },
        { appID: 'b', appDirPath: 'services/b', database: 'shared' },
      ]),
    ).toThrow(/apps a and b belong to different services but both declare database "shared"/);
  });

  it('builds the DATABASE_URL on the stack port with the role of the same name', () => {
    expect(appDatabaseUrl('catalog', 18432)).toBe(
      'postgres://catalog:catalog-dev-password@127.0.0.1:18432/catalog',
    );
  });

  it('creates a least-privilege login role (no superuser, no BYPASSRLS) and re-asserts it when it exists', () => {
    expect(roleStatement('catalog', false, 'pw')).toBe(
      `CREATE ROLE "catalog" WITH LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD 'pw'`,
    );
    expect(roleStatement('catalog', true, "it's")).toMatch(/^ALTER ROLE "catalog" WITH .* PASSWORD 'it''s'$/);
  });

  it('creates the database owned by the role and closes it to other roles', () => {
    expect(databaseStatements('catalog', false)).toEqual([
      'CREATE DATABASE "catalog" OWNER "catalog"',
      'REVOKE ALL ON DATABASE "catalog" FROM PUBLIC',
    ]);
    expect(databaseStatements('catalog', true)[0]).toBe('ALTER DATABASE "catalog" OWNER TO "catalog"');
  });
});

describe('apps.yaml `database:`', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const appsFile = (database: string) => {
    dir = mkdtempSync(join(tmpdir(), 'apps-'));
    const file = join(dir, 'apps.yaml');
    writeFileSync(
      file,
      `version: 1\napps:\n  - appID: catalog\n    appDirPath: services/catalog\n    appProtocol: grpc\n    command: [node, main.ts]\n    portBlock: 5\n    database: ${database}\n`,
    );
    return file;
  };

  it('hands the app its DATABASE_URL', () => {
    const apps = readAppsFile(appsFile('catalog'));
    const [app] = appProcesses(apps, { resourcesPath: '/r', configPath: '/c' });
    expect(app?.env?.DATABASE_URL).toBe(appDatabaseUrl('catalog', ports.postgres));
  });

  it('rejects an invalid database name, naming the field', () => {
    expect(() => readAppsFile(appsFile('Catalog-DB'))).toThrow(/apps\.0\.database: lower-case snake_case/);
  });
});
