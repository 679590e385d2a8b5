import { defineConfig } from 'vitest/config'

/** Server tests that are about SQLite itself, or that run the server as a child process on a data dir. */
const SQLITE_ONLY = [
  'tests/unit/server/sqlite-store.test.ts',
  'tests/unit/server/disk-full.test.ts',
  'tests/unit/server/durability.test.ts',
  'tests/unit/server/hostile-requests.test.ts',
  'tests/unit/server/config.test.ts',
  // Runs against both stores by itself.
  'tests/unit/server/store-contract.test.ts',
  'tests/unit/server/copy-to-postgres.test.ts',
]

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          // The server suite again, every server on its own PostgreSQL database.
          name: 'server-on-postgresql',
          include: ['tests/unit/server/**/*.test.ts'],
          exclude: SQLITE_ONLY,
          globalSetup: ['tests/support/postgres-global-setup.ts'],
          env: { TAVOLO_TEST_STORE: 'postgres' },
        },
      },
    ],
  },
})
