// One linter for the whole repository. Type-aware rules (no-floating-promises) need the project service.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import { importBoundaries } from './tools/lint/import-boundaries.js';

// Temporal workflow code runs in a deterministic sandbox: no I/O, no clocks, no randomness.
const workflowImportPatterns = [
  {
    group: ['node:*', 'fs', 'http', 'https', 'net', 'crypto', 'child_process'],
    message: 'No Node built-ins in workflow code.',
  },
  {
    group: ['**/activities/*', '**/*.activities.js'],
    allowTypeImports: true,
    message: 'Import activities with `import type` only.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.build/**',
      'packages/proto/src/gen/**',
      'web/.next/**',
      'web/next-env.d.ts',
      '.data/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearInterval: 'readonly',
        setInterval: 'readonly',
      },
    },
  },
  // The rooms of ARCHITECTURE §2a and shipped code vs tools/test kits (adr/0031).
  ...importBoundaries(workflowImportPatterns),
  {
    files: ['**/workflows/**/*.ts', '**/*.workflow.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'Use workflow time (Date is replayed deterministically) via the SDK.',
        },
        { object: 'Math', property: 'random', message: 'Use uuid4() from @temporalio/workflow.' },
      ],
    },
  },
  {
    // Next.js finds pages, layouts, route states and the proxy by their default export.
    files: [
      'web/src/app/**/{page,layout,loading,error,not-found,forbidden,global-error,template,default}.tsx',
      'web/src/proxy.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Tool configuration files must default-export their config.
    files: ['*.config.ts', '*.config.js', 'eslint.config.js', 'web/*.config.ts', 'web/*.config.mjs'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  prettier,
);
