import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../paths.mjs';
import { importBoundaries } from './import-boundaries.js';

// The boundary rules exactly as eslint.config.js applies them (without the type-aware rules, which need
// real files): each case lints one import as if it were written in `file`.
const eslint = new ESLint({
  cwd: repoRoot,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.{ts,tsx}'],
      languageOptions: { parser: tseslint.parser },
      plugins: { '@typescript-eslint': tseslint.plugin },
    },
    ...importBoundaries([]),
  ],
});

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = [x];\n`, {
    filePath: join(repoRoot, file),
  });
  return (result?.messages ?? []).map((m) => m.message);
}

describe('rooms/adapters-no-infra', () => {
  it('refuses infra in an adapter, even as a type, and says why', async () => {
    for (const code of [
      "import { x } from '../../infra/identity-store.js';",
      "import type { x } from '../../infra/identity-store.js';",
    ]) {
      const found = await problems('services/identity/src/adapters/grpc/service.ts', code);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/\[rooms\/adapters-no-infra\] adapters\/ .* never infra\//);
    }
  });

  it('covers every service by glob, also the edges not yet moved under adapters/', async () => {
    const found = await problems(
      'services/orders/src/events/consumer.ts',
      "import { x } from '../infra/repo.js';",
    );
    expect(found[0]).toContain('[rooms/adapters-no-infra]');
  });

  it('lets an adapter use app/ and domain/', async () => {
    expect(
      await problems(
        'services/identity/src/adapters/http/routes.ts',
        "import type { x } from '../../app/ports.js';\nimport { y } from '../../domain/user.js';",
      ),
    ).toEqual([]);
  });
});

describe('rooms/app-no-infra', () => {
  it('refuses infra and adapters in a use case, even as a type', async () => {
    for (const code of [
      "import type { x } from '../infra/identity-store.js';",
      "import { x } from '../adapters/http/routes.js';",
    ]) {
      const found = await problems('services/identity/src/app/sign-in.ts', code);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/\[rooms\/app-no-infra\] app\/ .* never infra\//);
    }
  });

  it('lets a use case use its ports and the domain', async () => {
    expect(
      await problems(
        'services/orders/src/app/create-order.ts',
        "import type { x } from './ports.js';\nimport { y } from '../domain/order.js';",
      ),
    ).toEqual([]);
  });
});

describe('rooms/domain-pure', () => {
  it.each([
    ["import { x } from 'pg';", 'databases'],
    ["import { x } from 'node:fs';", 'Node built-ins'],
    ["import { x } from '@dapr/dapr';", 'Dapr'],
    ["import { runService as x } from '@shopstream/service-defaults';", 'runtime'],
    ["import { x } from '@shopstream/service-defaults/postgres';", 'runtime parts'],
    ["import { createSidecarTokenVerifier as x } from '@shopstream/service-defaults/auth';", 'JWKS'],
    ["import { x } from '../infra/user-repository.js';", 'innermost room'],
  ])('refuses %s', async (code, why) => {
    const found = await problems('services/catalog/src/domain/product.ts', code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/\[rooms\/domain-pure\]/);
    expect(found[0]).toContain(why);
  });

  it('allows computation and the pure parts of service-defaults', async () => {
    expect(
      await problems(
        'services/identity/src/domain/token.ts',
        [
          "import { randomBytes } from 'node:crypto';",
          "import { z } from 'zod';",
          "import { DomainError, ErrorKind, parseInput } from '@shopstream/service-defaults';",
          "import { tenantIdSchema, type Principal } from '@shopstream/service-defaults/auth';",
          "import { x } from './user.js';",
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});

describe('boundaries/package-exports', () => {
  it("refuses a deep import of another package's src/ anywhere, tools and tests included", async () => {
    for (const file of [
      'tools/seed/catalog.ts',
      'test/web/shop.e2e.test.ts',
      'services/orders/src/app/x.ts',
    ]) {
      const found = await problems(
        file,
        "import { x } from '../../services/catalog/src/seed/demo-catalog.js';",
      );
      expect(found[0]).toMatch(/\[boundaries\/package-exports\] Import another package by its name/);
    }
  });

  it('allows the package name and its declared subpaths', async () => {
    expect(
      await problems(
        'tools/seed/catalog.ts',
        "import { x } from '@shopstream/identity';\nimport { y } from '@shopstream/proto/catalog/v1/catalog_service.js';",
      ),
    ).toEqual([]);
  });
});

describe('boundaries/shipped-code', () => {
  it.each([
    ['services/identity/src/wiring/ports.ts', "import { x } from '../../../../tools/stack/ports.js';"],
    ['packages/service-defaults/src/postgres/db.ts', "import { x } from '@shopstream/testing/database';"],
    ['web/src/server/x.ts', "import { x } from '../../../test/support/stack.js';"],
    ['actors/session/src/x.ts', "import { x } from './testing/fixture.js';"],
  ])('refuses tools and test kits in %s', async (file, code) => {
    const found = await problems(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/\[boundaries\/shipped-code\] Shipped code .* never imports tools\//);
  });

  it('lets tests and test kits use them', async () => {
    for (const file of [
      'services/identity/src/app/sign-up.integration.test.ts',
      'packages/testing/src/database.ts',
      'services/catalog/src/domain/testing/product-input-fixture.ts',
    ]) {
      expect(await problems(file, "import { x } from '../../../../tools/stack/ports.js';")).toEqual([]);
    }
  });
});
