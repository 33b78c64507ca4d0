import { defineConfig } from 'vitest/config';

// Five projects: API and unit tests of the server; the server tests that spawn `tandem` processes (slow, run by CI
// and `npm run test:slow`); several servers on one PostgreSQL (CI); pure web logic; and browser tests (CI runs them
// after a web build).
const server = {
  root: './server',
  environment: 'node',
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: 'forks',
} as const;

export default defineConfig({
  test: {
    // Vitest runs cores − 1 workers by default: one on a two-core machine, leaving a core idle while a PGlite file
    // runs. Two workers use both (the browser project keeps its single fork).
    maxWorkers: 2,
    minWorkers: 1,
    // The pool of worker processes is made from this (root) setting; a project's `isolate: false` alone still gave
    // every file a new process (Vitest 3 reads the pool's isolation from the root config). Not isolating here keeps a
    // worker process across files; each project still says whether its files share modules (only `server` does: the
    // others reset them between files, as they isolate by default).
    poolOptions: { forks: { isolate: false } },
    projects: [
      {
        test: {
          ...server,
          name: 'server',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          globalSetup: ['./test/global-setup.ts'],
          exclude: ['**/*.slow.test.ts', '**/*.pg.test.ts', '**/node_modules/**'],
          // Each file builds its own app on its own database; sharing the module graph across files in one worker
          // saves loading the app (and making the migrated template, harness.ts) again for every file: most of the
          // suite's time on two cores. It takes the root `poolOptions` above to keep the worker process itself.
          isolate: false,
        },
      },
      {
        test: {
          ...server,
          name: 'server-slow',
          include: ['test/**/*.slow.test.ts'],
          testTimeout: 180_000,
        },
      },
      {
        // Several `tandem serve` processes on one PostgreSQL database (CI, with TEST_DATABASE_URL set).
        test: {
          ...server,
          name: 'server-pg',
          include: ['test/**/*.pg.test.ts'],
          testTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'web-unit',
          root: './web',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'browser',
          root: './e2e',
          include: ['**/*.e2e.ts'],
          globalSetup: ['./support/global-setup.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // A page waits for the server and renders on a shared machine: a poll gives it twenty seconds, not one (a save
          // and its refetch took over ten on a machine running four suites at once).
          expect: { poll: { timeout: 20_000, interval: 100 } },
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
