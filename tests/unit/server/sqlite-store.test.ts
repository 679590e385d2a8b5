import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openSqliteStore } from '../../../server/persistence/sqlite-store.ts'
import { tempDataDir } from '../../support/server.ts'

const update = (n: number) => new Uint8Array([n % 256, Math.floor(n / 256), 1, 2, 3])

describe('the SQLite store', () => {
  it('keeps the write-ahead log small: SQLite copies it into the database file as it grows', async () => {
    const dataDir = tempDataDir()
    const store = openSqliteStore(dataDir)
    const total = 8000
    for (let i = 0; i < total; i += 50) {
      await store.appendUpdates(
        Array.from({ length: 50 }, (_, k) => ({ room: `room-${(i + k) % 500}`, update: update(i + k) })),
      )
      // Any other write copies the journal into the database first: one transaction each.
      await store.probeWrite()
    }
    // The database file alone (as a copy without its -wal) holds most updates: checkpointed.
    const copyDir = tempDataDir()
    fs.copyFileSync(path.join(dataDir, 'tavolo.sqlite'), path.join(copyDir, 'tavolo.sqlite'))
    const copy = new Database(path.join(copyDir, 'tavolo.sqlite'), { readonly: true })
    const inFileAlone = (copy.prepare('SELECT count(*) AS n FROM doc_updates').get() as { n: number }).n
    copy.close()
    expect(inFileAlone).toBeGreaterThan(total / 2)
    expect(fs.statSync(path.join(dataDir, 'tavolo.sqlite-wal')).size).toBeLessThan(8 << 20)
    expect((await store.loadDocument('room-7')).updates).toHaveLength(total / 500)
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
