import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import type { Logger } from '../log.ts'
import {
  FANOUT_KINDS,
  type Fanout,
  type FanoutKind,
  type FanoutListener,
  type FanoutMessage,
} from './fanout.ts'

const STREAM = 'tavolo:fanout'
/** About two minutes of a busy cluster: a node away for longer catches up from the store. */
const STREAM_LENGTH = 100_000
const READ_BLOCK_MS = 1000
const READ_COUNT = 1000
/** Each node says it is alive this often; one silent for SILENT_MS is taken for dead. */
const HEARTBEAT_MS = 1000
const SILENT_MS = 4000

type Entry = [id: string, fields: Buffer[]]

/**
 * Cross-node messages on one Redis stream. Pub/sub would drop what is sent while a node is
 * reconnecting; a stream keeps it, and each node reads on from the last entry it saw. Entries
 * older than the stream's length are trimmed: a node whose last entry is gone (or whose
 * connection broke) is told of a gap and reads its rooms again from the store.
 */
export async function connectRedisFanout(url: string, log: Logger): Promise<Fanout> {
  const node = randomBytes(8).toString('hex')
  const options = { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false }
  const writer = new Redis(url, options)
  const reader = new Redis(url, { ...options, maxRetriesPerRequest: null })
  for (const [name, connection] of [
    ['writer', writer],
    ['reader', reader],
  ] as const) {
    connection.on('error', (error) => log.warn({ connection: name, error: error.message }, 'redis error'))
  }
  await Promise.all([writer.connect(), reader.connect()])

  let listener: FanoutListener | undefined
  let closed = false
  let problem: string | null = null
  /** A publish failed: the others may lack what it carried, and are told once we can write. */
  let owedGap = false
  let trimCheckedAt = 0
  /** When each other node was last heard of. */
  const heard = new Map<string, number>()
  // Where this node reads on from: the stream's end when it starts (its rooms come from the store).
  const last = (await writer.xrevrange(STREAM, '+', '-', 'COUNT', 1)) as [string, string[]][]
  let lastId = last[0]?.[0] ?? '0-0'

  const broken = (why: string) => {
    if (!problem) log.warn({ why }, 'cross-node messages interrupted')
    problem = why
  }
  const resumed = () => {
    if (!problem) return
    problem = null
    log.warn('cross-node messages flow again: rooms are read again from the store')
    listener?.gap()
  }

  async function readLoop(): Promise<void> {
    while (!closed) {
      try {
        const answer = (await reader.xreadBuffer(
          'COUNT',
          READ_COUNT,
          'BLOCK',
          READ_BLOCK_MS,
          'STREAMS',
          STREAM,
          lastId,
        )) as [Buffer, Entry[]][] | null
        if (problem) {
          // Entries may have been trimmed while we were away: if the oldest kept is newer than
          // ours, something was lost (the catch-up in `resumed` covers it either way).
          resumed()
        }
        for (const [, entries] of answer ?? []) {
          for (const [id, fields] of entries) {
            lastId = id.toString()
            deliver(fields)
          }
        }
        if (Date.now() - trimCheckedAt > 5000) await noticeTrim()
        if (owedGap) await announceGap()
      } catch (error) {
        if (closed) return
        broken(error instanceof Error ? error.message : String(error))
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
    }
  }

  /** A reader that fell behind past the stream's length has missed entries. */
  async function noticeTrim(): Promise<void> {
    trimCheckedAt = Date.now()
    if (lastId === '0-0') return
    const first = (await reader.xrange(STREAM, '-', '+', 'COUNT', 1)) as [string, string[]][]
    const oldest = first[0]?.[0]
    if (oldest && compareIds(oldest, lastId) > 0) {
      log.warn({ lastId, oldest }, 'cross-node messages were trimmed before this node read them')
      listener?.gap()
    }
  }

  /** Tells every node to read its rooms again: what this one failed to send is in the store. */
  async function announceGap(): Promise<void> {
    await writer.xadd(STREAM, 'MAXLEN', '~', STREAM_LENGTH, '*', 'node', node, 'kind', 'gap')
    owedGap = false
  }

  function deliver(fields: Buffer[]): void {
    const value: Record<string, Buffer> = {}
    for (let i = 0; i + 1 < fields.length; i += 2) value[fields[i]!.toString()] = fields[i + 1]!
    const from = value.node?.toString()
    if (!from || from === node) return
    heard.set(from, Date.now())
    const kind = value.kind?.toString()
    if (kind === 'alive') return
    if (kind === 'gap') {
      listener?.gap()
      return
    }
    if (!value.room || !value.data || !kind || !FANOUT_KINDS.has(kind)) return
    listener?.receive({
      room: value.room.toString(),
      kind: kind as FanoutKind,
      data: new Uint8Array(value.data),
    })
  }

  void readLoop()

  // A node that dies may have committed updates it had not yet sent: once it falls silent, the
  // others read their rooms again from the store, which holds them.
  const heartbeat = setInterval(() => {
    if (problem === null)
      writer.xadd(STREAM, 'MAXLEN', '~', STREAM_LENGTH, '*', 'node', node, 'kind', 'alive').catch(() => {})
    const now = Date.now()
    for (const [other, at] of heard) {
      if (now - at < SILENT_MS) continue
      heard.delete(other)
      log.warn({ node: other }, 'a node fell silent: rooms are read again from the store')
      listener?.gap()
    }
  }, HEARTBEAT_MS)
  heartbeat.unref()

  return {
    publish(messages: readonly FanoutMessage[]) {
      if (messages.length === 0 || closed) return
      const batch = writer.pipeline()
      for (const m of messages) {
        batch.xadd(
          STREAM,
          'MAXLEN',
          '~',
          STREAM_LENGTH,
          '*',
          'node',
          node,
          'room',
          m.room,
          'kind',
          m.kind,
          'data',
          Buffer.from(m.data),
        )
      }
      const failed = (why: string) => {
        owedGap = true
        broken(why)
      }
      batch.exec().then(
        (results) => {
          const error = results?.find(([e]) => e)?.[0]
          if (error) failed(String(error))
        },
        (error: Error) => failed(error.message),
      )
    },
    listen(l) {
      listener = l
    },
    problem: () => problem ?? (writer.status === 'ready' ? null : `redis ${writer.status}`),
    async close() {
      closed = true
      clearInterval(heartbeat)
      reader.disconnect()
      await writer.quit().catch(() => writer.disconnect())
    },
  }
}

/** Stream ids are "milliseconds-sequence". */
function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(Number)
  const [bm, bs] = b.split('-').map(Number)
  return am! - bm! || as! - bs!
}
