import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { openPostgresStore } from './postgres-store.ts'
import { openSqliteStore } from './sqlite-store.ts'

/**
 * The tables of an installation, each with the columns copied and the order rows are read in
 * (the update log and the versions in the order they were written, which PostgreSQL numbers
 * again in the same order).
 */
const TABLES: { name: string; columns: string[]; order: string }[] = [
  {
    name: 'workshops',
    columns: [
      'id',
      'title',
      'organisation',
      'language',
      'created_at',
      'facilitator_key_hash',
      'participant_key_hash',
      'viewer_key_hash',
      'sealed_keys',
    ],
    order: 'id',
  },
  { name: 'doc_snapshots', columns: ['room', 'data', 'updated_at'], order: 'room' },
  { name: 'doc_updates', columns: ['room', 'data'], order: 'seq' },
  {
    name: 'participants',
    columns: ['id', 'workshop_id', 'name', 'unit_id', 'token_hash', 'created_at', 'browser_hash'],
    order: 'id',
  },
  {
    name: 'participant_tokens',
    columns: ['token_hash', 'participant_id', 'workshop_id'],
    order: 'token_hash',
  },
  {
    name: 'surveys',
    columns: ['id', 'workshop_id', 'kind', 'definition', 'status', 'created_at'],
    order: 'id',
  },
  {
    name: 'ballots',
    columns: ['survey_id', 'participant_id', 'ballot', 'updated_at'],
    order: 'survey_id, participant_id',
  },
  {
    name: 'versions',
    columns: [
      'id',
      'workshop_id',
      'created_at',
      'reason',
      'label',
      'step',
      'people',
      'counts',
      'content',
      'control',
    ],
    order: 'created_at, id',
  },
  {
    name: 'webhooks',
    columns: ['id', 'workshop_id', 'url', 'secret', 'events', 'created_at'],
    order: 'id',
  },
  {
    name: 'webhook_deliveries',
    columns: [
      'id',
      'webhook_id',
      'workshop_id',
      'event',
      'body',
      'status',
      'attempts',
      'response_status',
      'error',
      'created_at',
      'updated_at',
      'next_at',
    ],
    order: 'id',
  },
  {
    name: 'programmes',
    columns: [
      'id',
      'title',
      'organisation',
      'language',
      'created_at',
      'facilitator_key_hash',
      'viewer_key_hash',
      'sealed_viewer_key',
    ],
    order: 'id',
  },
  {
    name: 'programme_workshops',
    columns: ['programme_id', 'workshop_id', 'added_at'],
    order: 'added_at, programme_id, workshop_id',
  },
]

export type CopyReport = { table: string; rows: number }[]

/** One digest of a table's rows, read in its order: equal digests, equal tables. */
function digest(rows: Record<string, unknown>[], columns: string[]): string {
  const hash = createHash('sha256')
  for (const row of rows) {
    for (const column of columns) {
      const value = row[column]
      hash.update(
        value === null || value === undefined
          ? '\u0000null'
          : value instanceof Uint8Array
            ? Buffer.from(value)
            : `\u0001${String(value)}`,
      )
      hash.update('\u0002')
    }
  }
  return hash.digest('hex')
}

/**
 * Copies an SQLite installation (DATA_DIR) into an empty PostgreSQL database, in one
 * transaction, then reads every table back and compares it with the original. Throws, and
 * leaves the database as it was, if anything differs or the database already holds workshops.
 */
export async function copySqliteToPostgres(dataDir: string, url: string): Promise<CopyReport> {
  const file = path.join(dataDir, 'tavolo.sqlite')
  if (!fs.existsSync(file)) throw new Error(`no Tavolo database in ${dataDir} (expected ${file})`)
  // Opened once as the server would: older files get their missing columns first.
  await openSqliteStore(dataDir).close()
  // The tables exist once the store has opened the database.
  await (await openPostgresStore(url)).close()
  const source = new Database(file, { readonly: true })
  const target = new pg.Client({ connectionString: url })
  await target.connect()
  try {
    const existing = await target.query('SELECT COUNT(*) AS n FROM workshops')
    if (Number(existing.rows[0].n) > 0) {
      throw new Error('the PostgreSQL database already holds workshops: copy into an empty database')
    }
    const report: CopyReport = []
    await target.query('BEGIN')
    try {
      for (const table of TABLES) {
        const rows = source
          .prepare(`SELECT ${table.columns.join(', ')} FROM ${table.name} ORDER BY ${table.order}`)
          .all() as Record<string, unknown>[]
        const placeholders = table.columns.map((_, i) => `$${i + 1}`).join(', ')
        const insert = `INSERT INTO ${table.name} (${table.columns.join(', ')}) VALUES (${placeholders})`
        for (const row of rows)
          await target.query(
            insert,
            table.columns.map((c) => row[c]),
          )
        const copied = await target.query(
          `SELECT ${table.columns.join(', ')} FROM ${table.name} ORDER BY ${table.order === 'seq' ? 'seq' : table.order}`,
        )
        const same =
          copied.rows.length === rows.length &&
          digest(copied.rows, table.columns) === digest(rows, table.columns)
        if (!same) throw new Error(`the copy of ${table.name} differs from the original: nothing was copied`)
        report.push({ table: table.name, rows: rows.length })
      }
      await target.query('COMMIT')
    } catch (error) {
      await target.query('ROLLBACK').catch(() => {})
      throw error
    }
    return report
  } finally {
    source.close()
    await target.end()
  }
}
