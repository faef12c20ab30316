// The import boundaries of the repository (adr/0031): the rooms of ARCHITECTURE §2a and the line between
// shipped code and the tools/test kits, as `@typescript-eslint/no-restricted-imports` per folder glob. Every
// message starts with the rule's name in brackets, so a failing `npm test` says which rule broke and why.
//
// ESLint applies the LAST matching config object's options for a rule (they are not merged), so each area
// below lists every group that applies to it; the areas go from the widest to the narrowest.

/** Test files and test kits: they may reach into tools/ and kits (never shipped). */
export const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', '**/testing/**', 'packages/testing/**'];

/** Shipped code: what runs in the product (services, actors, shared packages, the web app). */
export const SHIPPED_FILES = [
  'services/*/src/**/*.{ts,tsx}',
  'actors/*/src/**/*.{ts,tsx}',
  'packages/*/src/**/*.{ts,tsx}',
  'web/src/**/*.{ts,tsx}',
];

const rule = (name, why) => `[${name}] ${why}`;

/** R1: a package is used through its exports (package.json `exports`), never a file under its src/. */
export const noDeepSrc = {
  group: [
    '**/services/*/src/**',
    '**/actors/*/src/**',
    '**/packages/*/src/**',
    '**/web/src/**',
    '**/test/platform/apps/*/src/**',
    '@shopstream/*/src/**',
  ],
  message: rule(
    'boundaries/package-exports',
    "Import another package by its name and exports (e.g. '@shopstream/identity'), never a file under its src/: what a package offers is what its index/exports say.",
  ),
};

/** R2: shipped code never depends on the repository's tools or on test kits. */
export const noToolsOrKits = {
  group: [
    '**/tools/**',
    '**/test/**',
    '**/testing/**',
    '**/testing',
    '@shopstream/testing',
    '@shopstream/testing/**',
    '@shopstream/service-defaults/postgres/testing',
  ],
  message: rule(
    'boundaries/shipped-code',
    'Shipped code (services, actors, packages, web/src) never imports tools/, test/ or a test kit (testing/, @shopstream/testing): they are not deployed with it.',
  ),
};

/** R3: the edges (adapters) call app/ and domain/, never infra/. */
export const adaptersNoInfra = {
  group: ['**/infra/**', '**/infra', '**/wiring/**'],
  message: rule(
    'rooms/adapters-no-infra',
    'adapters/ (grpc, http, events) may import app/ and domain/, never infra/ or wiring/ — not even types: name what you need as a port in app/ports.ts (ARCHITECTURE §2a).',
  ),
};

/** R3b: use cases depend on ports, not on the implementations (infra implements app/ports.ts). */
export const appNoInfra = {
  group: ['**/infra/**', '**/infra', '**/adapters/**', '**/wiring/**'],
  message: rule(
    'rooms/app-no-infra',
    'app/ (use cases) may import domain/ and app/ports.ts, never infra/, adapters/ or wiring/ — not even types: declare the port in app/ports.ts and let infra/ implement it (ARCHITECTURE §2a).',
  ),
};

const noIo = (what) =>
  rule(
    'rooms/domain-pure',
    `domain/ holds pure rules, entities and errors: no I/O, no framework (${what}). Put the I/O behind a port in app/ports.ts and implement it in infra/ (ARCHITECTURE §2a).`,
  );

/** R4: domain/ imports nothing with I/O and nothing from the outer rooms. */
export const domainPure = [
  {
    // node:crypto is computation (hashes, HKDF, randomness), not I/O: the token rules need it.
    group: ['node:*', '!node:crypto'],
    message: noIo('Node built-ins other than node:crypto'),
  },
  {
    group: [
      'fs',
      'fs/*',
      'net',
      'http',
      'https',
      'http2',
      'dgram',
      'dns',
      'tls',
      'child_process',
      'worker_threads',
      'cluster',
    ],
    message: noIo('Node I/O built-ins'),
  },
  {
    group: [
      'pg',
      'pg-*',
      'ioredis',
      'kafkajs',
      '@grpc/*',
      '@dapr/*',
      '@temporalio/*',
      '@aws-sdk/*',
      '@opentelemetry/*',
      'pino',
      'undici',
      'next',
      'next/*',
      'react',
      'react-dom',
    ],
    message: noIo('databases, brokers, RPC, Dapr, Temporal, telemetry, web frameworks'),
  },
  {
    group: [
      '@shopstream/service-defaults/postgres',
      '@shopstream/service-defaults/postgres/*',
      '@shopstream/service-defaults/kafka',
      '@shopstream/service-defaults/telemetry',
    ],
    message: noIo("service-defaults' runtime parts"),
  },
  {
    group: ['**/app/**', '**/adapters/**', '**/infra/**', '**/wiring/**', '**/main.js', '**/config.js'],
    message: rule(
      'rooms/domain-pure',
      'domain/ is the innermost room: it imports nothing from app/, adapters/, infra/, wiring/ or the entry files (arrows point inward).',
    ),
  },
];

/** The pure parts of service-defaults a domain may use (types are always allowed). */
export const domainServiceDefaults = [
  {
    name: '@shopstream/service-defaults',
    allowImportNames: ['DomainError', 'ErrorKind', 'isDomainError', 'parseInput', 'idempotencyKeySchema'],
    allowTypeImports: true,
    message: noIo(
      "service-defaults' runtime: only DomainError, ErrorKind, isDomainError, parseInput, idempotencyKeySchema and types",
    ),
  },
  {
    name: '@shopstream/service-defaults/auth',
    allowImportNames: [
      'tenantIdSchema',
      'TENANT_ID_PATTERN',
      'ACCESS_TOKEN_ALGORITHM',
      'ACCESS_TOKEN_AUDIENCE',
      'ACCESS_TOKEN_ISSUER',
      'ACCESS_TOKEN_TYPE',
      'accessTokenClaimsSchema',
      'principalFromClaims',
    ],
    allowTypeImports: true,
    message: noIo('token verification and JWKS fetching: only the claim rules, the tenant id rule and types'),
  },
];

const restricted = (patterns, paths = []) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns, paths }],
});

const ADAPTERS = ['adapters', 'grpc', 'http', 'events'].map((room) => `services/*/src/${room}/**/*.ts`);

/**
 * The config objects, widest first. `workflowPatterns` are the Temporal rules of the workflow area: they are
 * combined with the package-exports rule here so one object owns `no-restricted-imports` for workflows.
 */
export function importBoundaries(workflowPatterns) {
  return [
    { files: ['**/*.{ts,tsx}'], rules: restricted([noDeepSrc]) },
    {
      files: SHIPPED_FILES,
      ignores: TEST_FILES,
      rules: restricted([noDeepSrc, noToolsOrKits]),
    },
    {
      files: ADAPTERS,
      ignores: TEST_FILES,
      rules: restricted([noDeepSrc, noToolsOrKits, adaptersNoInfra]),
    },
    {
      files: ['services/*/src/app/**/*.ts'],
      ignores: TEST_FILES,
      rules: restricted([noDeepSrc, noToolsOrKits, appNoInfra]),
    },
    {
      files: ['services/*/src/domain/**/*.ts'],
      ignores: TEST_FILES,
      rules: restricted([noDeepSrc, noToolsOrKits, ...domainPure], domainServiceDefaults),
    },
    {
      files: ['**/workflows/**/*.ts', '**/*.workflow.ts'],
      rules: restricted([noDeepSrc, ...workflowPatterns]),
    },
  ];
}
