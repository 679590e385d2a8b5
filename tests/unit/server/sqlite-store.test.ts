import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openSqliteStore } from '../../../server/persistence/sqlite-store.ts'
import { tempDataDir } from '../../support/server.ts'

const update = (n: number) => new Uint8Array([n % 256, Math.floor(n / 256), 1, 2, 3])

describe('the SQLite store', () => {
  it('copies the write-ahead log into the database file in the background, long before its cap', async () => {
    const dataDir = tempDataDir()
    const store = openSqliteStore(dataDir)
    for (let i = 0; i < 100; i++) await store.appendUpdates([{ room: `room-${i % 5}`, update: update(i) }])
    // The database file alone (as a copy without its -wal) holds the updates once checkpointed.
    const copyDir = tempDataDir()
    const inFileAlone = () => {
      fs.copyFileSync(path.join(dataDir, 'tavolo.sqlite'), path.join(copyDir, 'tavolo.sqlite'))
      const copy = new Database(path.join(copyDir, 'tavolo.sqlite'), { readonly: true })
      try {
        return (copy.prepare('SELECT count(*) AS n FROM doc_updates').get() as { n: number }).n
      } finally {
        copy.close()
      }
    }
    await expect.poll(inFileAlone, { timeout: 5000, interval: 100 }).toBe(100)
    await store.close()
  })

  it('rebuilds an update log numbered with AUTOINCREMENT, keeping every update in order', async () => {
    const dataDir = tempDataDir()
    const old = new Database(path.join(dataDir, 'tavolo.sqlite'))
    old.pragma('journal_mode = WAL')
    old.exec(`CREATE TABLE doc_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL, data BLOB NOT NULL);
      CREATE INDEX doc_updates_room ON doc_updates (room, seq);`)
    const insert = old.prepare('INSERT INTO doc_updates (room, data) VALUES (?, ?)')
    for (let i = 0; i < 30; i++) insert.run(i % 2 === 0 ? 'even' : 'odd', update(i))
    old.close()

    const store = openSqliteStore(dataDir)
    await store.appendUpdates([{ room: 'even', update: update(30) }])
    expect((await store.loadDocument('even')).updates).toEqual(
      [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30].map(update),
    )
    expect((await store.loadDocument('odd')).updates).toHaveLength(15)
    await store.close()
    const reopened = new Database(path.join(dataDir, 'tavolo.sqlite'), { readonly: true })
    const schema = reopened.prepare("SELECT sql FROM sqlite_master WHERE name = 'doc_updates'").get() as {
      sql: string
    }
    const indexes = reopened
      .prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'doc_updates' AND type = 'index'")
      .all()
    reopened.close()
    expect(schema.sql).not.toMatch(/AUTOINCREMENT/i)
    expect(indexes).toEqual([{ name: 'doc_updates_room' }])
  })
})
