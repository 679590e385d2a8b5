import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { Logger } from '../log.ts'

/**
 * Copies the write-ahead log back into the database file from a worker thread, so the event
 * loop rarely waits for a checkpoint. SQLite's automatic checkpoint runs inside the commit
 * that crosses its threshold and, with `synchronous = NORMAL`, fsyncs the log and the database
 * there: that commit took milliseconds instead of microseconds, once every few hundred. The
 * worker's own connection runs PASSIVE checkpoints, which never block the writer. Under
 * sustained writing a PASSIVE checkpoint cannot finish (new commits keep arriving), so the
 * writer keeps a high automatic threshold as a cap on the log's size: by then the worker has
 * copied almost everything, and the writer's checkpoint is short.
 */
export class WalCheckpoints {
  private readonly worker: Worker

  constructor(databaseFile: string, intervalMs: number, log?: Logger) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3')
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver, databaseFile, intervalMs },
      resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16 },
    })
    // If it fails, the writer's automatic checkpoint still keeps the log bounded.
    this.worker.on('error', (error) => log?.warn({ error: String(error) }, 'WAL checkpoint worker stopped'))
    this.worker.unref()
  }

  /** Stops the worker; the writer's own close then checkpoints what is left. */
  close(): void {
    void this.worker.terminate()
  }
}

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.databaseFile, { fileMustExist: true, timeout: 0 })
db.pragma('cache_size = -512')
setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)') } catch {}
}, workerData.intervalMs)
`
