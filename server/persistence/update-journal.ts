import fs from 'node:fs'
import zlib from 'node:zlib'
import type { PendingUpdate } from './store.ts'

/**
 * The document updates committed but not yet copied into the database: one append (one system
 * call) per group commit, so the hot path never waits for SQLite's b-tree and page work. Like
 * SQLite's own write-ahead log with `synchronous = NORMAL`, what is appended is with the OS
 * when `append` returns: it survives a crash of the process (SIGKILL), not a power loss.
 *
 * The file is a header (magic, generation) and records (length, CRC-32, room, update). The
 * store copies the records into the database in one transaction that also stores the
 * journal's generation, then starts the file again with the next generation: a journal whose
 * generation the database already holds was copied before a crash and is not read again. A
 * record cut short or damaged ends the journal there; it was never acknowledged, since the
 * append it belonged to had not returned.
 */
export class UpdateJournal {
  private fd: number
  /** Bytes known to be whole; a failed append is cut back to it. */
  private length = 0
  /**
   * Set when a failed write could not be undone: nothing is appended until `restart` succeeds
   * (after what was appended is in the database).
   */
  damaged = false
  generation = 0

  private constructor(
    private readonly file: string,
    fd: number,
  ) {
    this.fd = fd
  }

  /**
   * Opens the journal of a data directory, with the records a crash left in it (and their
   * generation, to compare with the database's). Nothing is appended before `restart`.
   */
  static open(file: string): { journal: UpdateJournal; left: JournalContents } {
    const left = fs.existsSync(file) ? readJournal(fs.readFileSync(file)) : { generation: 0, updates: [] }
    return { journal: new UpdateJournal(file, fs.openSync(file, 'a')), left }
  }

  /** Appends one group commit; throws (and appends nothing) if the file cannot take it all. */
  append(updates: readonly PendingUpdate[]): void {
    if (this.damaged) throw new JournalDamagedError()
    const records = updates.map(encodeRecord)
    const bytes = records.length === 1 ? (records[0] as Buffer) : Buffer.concat(records)
    try {
      writeAll(this.fd, bytes)
    } catch (error) {
      try {
        fs.ftruncateSync(this.fd, this.length)
      } catch {
        this.damaged = true
      }
      throw error
    }
    this.length += bytes.length
  }

  /** Empties the file and starts it with a new generation (its records are in the database). */
  restart(generation: number): void {
    const header = Buffer.alloc(HEADER_BYTES)
    header.write(MAGIC, 0, 'latin1')
    header.writeBigUInt64LE(BigInt(generation), 8)
    try {
      fs.ftruncateSync(this.fd, 0)
      writeAll(this.fd, header)
    } catch (error) {
      this.damaged = true
      throw error
    }
    this.length = HEADER_BYTES
    this.generation = generation
    this.damaged = false
  }

  /** Closes the file; `remove` deletes it too (every record is in the database). */
  close(remove: boolean): void {
    fs.closeSync(this.fd)
    this.fd = -1
    if (remove) fs.rmSync(this.file, { force: true })
  }
}

export class JournalDamagedError extends Error {
  constructor() {
    super('the update journal could not be repaired after a failed write')
  }
}

export type JournalContents = { generation: number; updates: PendingUpdate[] }

const MAGIC = 'TVJ1'
const HEADER_BYTES = 16
const RECORD_HEAD_BYTES = 8

function encodeRecord({ room, update }: PendingUpdate): Buffer {
  const roomBytes = Buffer.byteLength(room)
  const payloadLength = 2 + roomBytes + update.length
  const record = Buffer.allocUnsafe(RECORD_HEAD_BYTES + payloadLength)
  record.writeUInt32LE(payloadLength, 0)
  record.writeUInt16LE(roomBytes, RECORD_HEAD_BYTES)
  record.write(room, RECORD_HEAD_BYTES + 2, 'utf8')
  record.set(update, RECORD_HEAD_BYTES + 2 + roomBytes)
  record.writeUInt32LE(zlib.crc32(record.subarray(RECORD_HEAD_BYTES)), 4)
  return record
}

/** The whole records of a journal file, up to the first one cut short or damaged. */
export function readJournal(bytes: Buffer): JournalContents {
  if (bytes.length < HEADER_BYTES || bytes.toString('latin1', 0, 4) !== MAGIC) {
    return { generation: 0, updates: [] }
  }
  const generation = Number(bytes.readBigUInt64LE(8))
  const updates: PendingUpdate[] = []
  let at = HEADER_BYTES
  while (at + RECORD_HEAD_BYTES <= bytes.length) {
    const payloadLength = bytes.readUInt32LE(at)
    const start = at + RECORD_HEAD_BYTES
    const end = start + payloadLength
    if (payloadLength < 2 || end > bytes.length) break
    const payload = bytes.subarray(start, end)
    if (zlib.crc32(payload) !== bytes.readUInt32LE(at + 4)) break
    const roomBytes = payload.readUInt16LE(0)
    if (2 + roomBytes > payloadLength) break
    updates.push({
      room: payload.toString('utf8', 2, 2 + roomBytes),
      update: new Uint8Array(payload.subarray(2 + roomBytes)),
    })
    at = end
  }
  return { generation, updates }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0
  while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written)
}
