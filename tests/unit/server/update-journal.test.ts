import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openSqliteStore } from '../../../server/persistence/sqlite-store.ts'
import { readJournal, UpdateJournal } from '../../../server/persistence/update-journal.ts'
import { tempDataDir } from '../../support/server.ts'

const update = (n: number) => new Uint8Array([n, 1, 2, 3, n])
const journalFile = (dataDir: string) => path.join(dataDir, 'tavolo.journal')
const journalUpdates = (dataDir: string) => readJournal(fs.readFileSync(journalFile(dataDir))).updates

/** The journal's generation the database holds: journals up to it are in the database. */
function copiedGeneration(dataDir: string): number {
  const db = new Database(path.join(dataDir, 'tavolo.sqlite'), { readonly: true })
  try {
    return (db.prepare('SELECT generation FROM journal_state').pluck().get() as number | undefined) ?? 0
  } finally {
    db.close()
  }
}

/** Writes a journal file as a server killed before copying it in would have left it. */
function leaveJournal(dataDir: string, generation: number, updates: { room: string; update: Uint8Array }[]) {
  const { journal } = UpdateJournal.open(journalFile(dataDir))
  journal.restart(generation)
  journal.append(updates)
  journal.close(false)
}

describe('the update journal of the SQLite store', () => {
  it('serves what it holds before it is copied in, copies it in soon after, and keeps the order', async () => {
    const dataDir = tempDataDir()
    const store = openSqliteStore(dataDir)
    try {
      await store.appendUpdates([{ room: 'a', update: update(1) }])
      await store.appendUpdates([
        { room: 'b', update: update(2) },
        { room: 'a', update: update(3) },
      ])
      expect(journalUpdates(dataDir)).toHaveLength(3)
      expect((await store.loadDocument('a')).updates).toEqual([update(1), update(3)])
      await expect.poll(() => journalUpdates(dataDir).length, { timeout: 5000 }).toBe(0)
      expect((await store.loadDocument('a')).updates).toEqual([update(1), update(3)])
      expect((await store.loadDocument('b')).updates).toEqual([update(2)])
      // Appended after the copy, read after what was copied.
      await store.appendUpdates([{ room: 'a', update: update(4) }])
      expect((await store.loadDocument('a')).updates).toEqual([update(1), update(3), update(4)])
    } finally {
      await store.close()
    }
    expect(fs.existsSync(journalFile(dataDir))).toBe(false)
  })

  it('copies the journal in before any other write, so a compaction never keeps an older update', async () => {
    const dataDir = tempDataDir()
    const store = openSqliteStore(dataDir)
    try {
      await store.appendUpdates([{ room: 'a', update: update(1) }])
      await store.compact('a', update(9))
      expect(await store.loadDocument('a')).toEqual({ snapshot: update(9), updates: [] })
      expect(journalUpdates(dataDir)).toEqual([])
    } finally {
      await store.close()
    }
  })

  it('copies in, at the next start, what a crash left in the journal', async () => {
    const dataDir = tempDataDir()
    await openSqliteStore(dataDir).close()
    leaveJournal(dataDir, copiedGeneration(dataDir) + 1, [
      { room: 'a', update: update(1) },
      { room: 'a', update: update(2) },
    ])
    const store = openSqliteStore(dataDir)
    try {
      expect((await store.loadDocument('a')).updates).toEqual([update(1), update(2)])
      expect(journalUpdates(dataDir)).toEqual([])
    } finally {
      await store.close()
    }
  })

  it('does not copy again a journal the database already holds (a crash between the copy and the restart)', async () => {
    const dataDir = tempDataDir()
    const store = openSqliteStore(dataDir)
    await store.appendUpdates([{ room: 'a', update: update(1) }])
    await store.close()
    leaveJournal(dataDir, copiedGeneration(dataDir), [{ room: 'a', update: update(1) }])
    const reopened = openSqliteStore(dataDir)
    try {
      expect((await reopened.loadDocument('a')).updates).toEqual([update(1)])
    } finally {
      await reopened.close()
    }
  })

  it('ends at a record cut short or damaged: what follows was never acknowledged', () => {
    const dataDir = tempDataDir()
    leaveJournal(dataDir, 5, [
      { room: 'a', update: update(1) },
      { room: 'ü', update: update(2) },
      { room: 'a', update: update(3) },
    ])
    const whole = fs.readFileSync(journalFile(dataDir))
    expect(readJournal(whole)).toEqual({
      generation: 5,
      updates: [
        { room: 'a', update: update(1) },
        { room: 'ü', update: update(2) },
        { room: 'a', update: update(3) },
      ],
    })
    expect(readJournal(whole.subarray(0, whole.length - 2)).updates).toHaveLength(2)
    const damaged = Buffer.from(whole)
    damaged.writeUInt8(damaged.readUInt8(whole.length - 12) ^ 0xff, whole.length - 12)
    expect(readJournal(damaged).updates).toHaveLength(2)
    const zeroed = Buffer.concat([whole, Buffer.alloc(4096)])
    expect(readJournal(zeroed).updates).toHaveLength(3)
    expect(readJournal(Buffer.from('not a journal at all')).updates).toEqual([])
  })

  it('refuses a second server on the same data directory, and lets the next one in once the first is closed', async () => {
    const dataDir = tempDataDir()
    const first = openSqliteStore(dataDir)
    expect(() => openSqliteStore(dataDir)).toThrow(/in use by another Tavolo server/)
    await first.close()
    const second = openSqliteStore(dataDir)
    await second.close()
  })

  it('batches the copy: many commits, few transactions', async () => {
    const dataDir = tempDataDir()
    const store = openSqliteStore(dataDir)
    try {
      for (let i = 0; i < 50; i++) await store.appendUpdates([{ room: `r${i % 3}`, update: update(i) }])
      await expect.poll(() => journalUpdates(dataDir).length, { timeout: 5000 }).toBe(0)
      // Every copy starts a new generation: 50 commits were copied in a handful of transactions.
      expect(copiedGeneration(dataDir)).toBeLessThan(5)
      expect((await store.loadDocument('r0')).updates).toHaveLength(17)
    } finally {
      await store.close()
    }
  })
})
