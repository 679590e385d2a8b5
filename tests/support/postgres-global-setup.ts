// The `server-on-postgresql` test project: one PostgreSQL for the whole run, a fresh database
// for every server a test starts (see test-database.ts).
import type { TestProject } from 'vitest/node'
import { startPostgres } from './postgres.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresPort: number
  }
}

export default async function setup(project: TestProject) {
  const postgres = await startPostgres()
  project.provide('postgresPort', postgres.port)
  return () => postgres.stop()
}
