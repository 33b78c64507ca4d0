import { readFileSync } from 'node:fs';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import tandem from './eslint/tandem-rules.js';

// Functions longer than the limit when the limit came in, each capped at its size then (a ratchet: they may
// shrink, never grow; new code gets the limit). Regenerate with `node eslint/function-baseline.js`.
const FUNCTION_LINES = 100;
const functionBaseline = JSON.parse(readFileSync(new URL('./eslint/function-baseline.json', import.meta.url), 'utf8'));
const functionLimit = (max) => ['error', { max, skipBlankLines: true, skipComments: true, IIFEs: true }];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'test-artifacts/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    plugins: { tandem },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      'max-lines': ['error', { max: 400 }],
      'max-lines-per-function': functionLimit(FUNCTION_LINES),
      'tandem/module-boundaries': 'error',
      'tandem/sql-in-repositories': 'error',
    },
  },
  {
    files: ['web/src/**/*.tsx', 'web/src/**/*.ts'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  ...Object.entries(functionBaseline).map(([file, max]) => ({
    files: [file],
    rules: { 'max-lines-per-function': functionLimit(max) },
  })),
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'server/test/**'],
    rules: {
      // Tests read loosely-typed JSON responses.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // describe() blocks hold a feature's tests.
      'max-lines-per-function': 'off',
    },
  },
  {
    // Migrations are one schema step each; their length is the schema's.
    files: ['server/src/platform/db/migrations/**'],
    rules: { 'max-lines': 'off', 'max-lines-per-function': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
