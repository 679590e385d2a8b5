// Which store the servers of a test run use: SQLite in DATA_DIR (the default), or, in the
// `server-on-postgresql` project, a PostgreSQL database per data dir (on the run's server,
// started by postgres-global-setup.ts), so a server restarted on its data dir finds its data.
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { newDatabase } from './postgres.ts'

export const onPostgres = process.env.TAVOLO_TEST_STORE === 'postgres'

const databases = new Map<string, Promise<string>>()

async function databaseFor(dataDir: string): Promise<string> {
  let url = databases.get(dataDir)
  if (!url) {
    const { inject } = await import('vitest')
    url = newDatabase(inject('postgresPort'))
    databases.set(dataDir, url)
  }
  return url
}

/** The environment that points a server on `dataDir` at its store: empty on SQLite. */
export async function storeEnv(dataDir: string): Promise<Record<string, string>> {
  return onPostgres ? { DATABASE_URL: await databaseFor(dataDir) } : {}
}

/** How many rows of `table` have `column` starting with `prefix`, read from the store itself. */
export async function storedRows(
  dataDir: string,
  table: string,
  column: string,
  prefix: string,
): Promise<number> {
  const sql = `SELECT COUNT(*) AS n FROM ${table} WHERE ${column} LIKE`
  if (onPostgres) {
    const client = new pg.Client({ connectionString: await databaseFor(dataDir) })
    await client.connect()
    try {
      return Number((await client.query(`${sql} $1`, [`${prefix}%`])).rows[0].n)
    } finally {
      await client.end()
    }
  }
  const db = new Database(path.join(dataDir, 'tavolo.sqlite'), { readonly: true })
  try {
    return (db.prepare(`${sql} ?`).get(`${prefix}%`) as { n: number }).n
  } finally {
    db.close()
  }
}
