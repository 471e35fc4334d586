// Lint and architecture boundaries. `npm run lint` runs it; `npm test` runs it first.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import local from './build/eslint/local-rules.js';

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'string_decoder',
  'timers',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];
const nodeBuiltins = {
  group: ['node:*'],
  message: 'shared/ and renderer/ run in the browser too: no Node built-ins.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'release/', '.tmp/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks, local },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-useless-path-segments': 'error',
      'import-x/no-duplicates': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './shared',
              from: ['./electron', './renderer', './test', './build'],
              message: 'shared/ is the pure domain: it imports only shared/ and templates/.',
            },
            {
              target: './templates',
              from: ['./shared', './electron', './renderer', './test', './build'],
              message: 'templates/ are data: they import nothing else.',
            },
            {
              target: './renderer',
              from: ['./electron', './test', './build'],
              message: 'The renderer reaches the main side only through the service API in shared/service.',
            },
            {
              target: './electron/services',
              from: ['./electron/cli', './electron/main', './electron/server', './renderer'],
              message: 'Services are used by the CLI, the main process and the server, never the other way round.',
            },
            {
              target: './electron/preload',
              from: ['./electron/main', './electron/services', './electron/server', './electron/cli', './renderer'],
              message: 'The sandboxed preload bundles only the IPC contract of shared/service (and requires electron).',
            },
            {
              target: './electron/main',
              from: ['./electron/preload', './electron/cli', './electron/server', './renderer'],
              message: 'The main process shares the IPC contract with the preload through shared/service/ipc.ts.',
            },
            { target: './electron/server', from: ['./electron/cli', './electron/main', './renderer'] },
            { target: './electron/cli', from: ['./electron/main', './electron/server', './renderer'] },
          ],
        },
      ],
      'local/disable-needs-reason': 'error',
      'local/long-file-needs-reason': ['error', { max: 300 }],
      // File-name and XML sanitisers must name control characters in their patterns.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['shared/**', 'templates/**', 'renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...NODE_BUILTINS, 'electron'].map((name) => ({
            name,
            message: 'shared/, templates/ and renderer/ run in the browser too: no Node built-ins or Electron.',
          })),
          patterns: [nodeBuiltins],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['test/**', 'build/**', '*.config.*'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
