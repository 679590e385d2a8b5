import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import type * as Y from 'yjs'
import { parseRoomName, roomName } from '../shared/rooms.ts'
import { controlMap, readLocks, readRating } from '../shared/schema/control.ts'
import { getRecord } from '../shared/schema/records.ts'
import type { Config } from './config.ts'
import { History } from './history/versions.ts'
import { AddressLimiter } from './http/address-limits.ts'
import { createHttpHandler } from './http/routes.ts'
import type { Logger } from './log.ts'
import { createMetrics } from './metrics.ts'
import { openSqliteStore } from './persistence/sqlite-store.ts'
import type { Store } from './persistence/store.ts'
import { armSurveyClocks } from './rounds/surveys.ts'
import { type Touch, touchesOf } from './rules/touches.ts'
import { refusalOf, violations } from './rules/write-rules.ts'
import { CloseCode } from './sync/close-codes.ts'
import type { Room } from './sync/room.ts'
import { type Refusal, Rooms } from './sync/rooms.ts'
import { createUpgradeHandler } from './sync/upgrade.ts'
import { DEFAULT_RETRY_MS, Webhooks } from './webhooks/webhooks.ts'
import { repairAndMigrate } from './workshops/documents.ts'

const SURVEY_CLOCKS_INTERVAL_MS = 30_000

export type TavoloServer = {
  readonly port: number
  readonly url: string
  /** The last-resort handler's count: an error no request or connection caught. */
  recordUncaughtError(): void
  close(): Promise<void>
}

/** Starts the one process that serves the client, the API and the websocket documents. */
export async function startServer(config: Config, log: Logger, given?: Store) {
  const store =
    given ??
    (config.databaseUrl
      ? // Loaded only in this mode: one process on SQLite carries no PostgreSQL driver.
        await (await import('./persistence/postgres-store.ts')).openPostgresStore(config.databaseUrl, log)
      : openSqliteStore(config.dataDir, log))
  const metrics = createMetrics()
  const fanout = config.redisUrl
    ? await (await import('./fanout/redis.ts')).connectRedisFanout(config.redisUrl, log)
    : undefined
  // Rooms and history need each other: the history reads rooms, rooms tell it what changed.
  let history: History | undefined
  const rooms: Rooms = new Rooms({
    store,
    log,
    metrics,
    compactAfterUpdates: config.compactAfterUpdates,
    roomIdleMs: config.roomIdleMs,
    fanout,
    checkWrite: (room, peer, transaction): Refusal[] => {
      if (peer.role === 'server') return []
      const control: Y.Doc | undefined = rooms.loaded(roomName(room.name, 'control'))?.doc
      // Opened with its content room and kept while it is in memory (see Rooms.open).
      if (!control) throw new Error('the control document is not in memory')
      const context = {
        role: peer.role,
        locks: readLocks(control),
        cultureFrozen: readRating(control, 'culture') !== null,
      }
      const touches = touchesOf(room.doc, transaction)
      const refused = violations(room.doc, touches, context).map(refusalOf)
      if (refused.length === 0) announceStatusChanges(room, touches)
      return refused
    },
    onLoad: async (room) => {
      if (room.kind === 'control') return keepVersionOnStepChange(room.doc, room.name)
      const update = repairAndMigrate(room.doc, await store.getWorkshop(room.name))
      if (update) await store.appendUpdates([{ room: room.name, update }])
    },
    onCommitted: (changed) => {
      for (const room of changed) if (room.kind === 'content') history?.noteActivity(room.name)
    },
  })
  const webhooks = new Webhooks(store, log, {
    allowedHosts: config.webhookHosts,
    retryMs: config.webhookRetryMs ?? DEFAULT_RETRY_MS,
    onAttempt: (outcome) => metrics.webhookAttempts.inc({ outcome }),
  })
  /** A pipeline entry's status set on the board (meeting 4) goes to the webhooks once stored. */
  function announceStatusChanges(room: Room, touches: readonly Touch[]): void {
    const entries = touches.filter((t) => t.root === 'pipeline' && t.field === 'status' && t.record)
    if (entries.length === 0) return
    const changes = entries.map((t) => ({
      entryId: t.record!,
      status: getRecord(room.doc, 'pipeline', t.record!)?.get('status') ?? null,
      source: 'board',
    }))
    // The commit takes the queue when it runs, after this update joins it (see Rooms.flush).
    void rooms.flush().then(() => {
      if (room.discarded) return
      for (const change of changes) void webhooks.notify(room.name, 'pipeline.status-changed', change)
    })
  }
  history = new History({
    store,
    rooms,
    log,
    metrics,
    intervalMs: config.versionIntervalMs,
    retentionDays: config.versionRetentionDays,
  })
  /** The facilitator moving the group to another step closes a chapter: its state becomes a version. */
  function keepVersionOnStepChange(control: Y.Doc, name: string): void {
    const workshopId = parseRoomName(name)?.workshopId
    if (!workshopId) return
    controlMap(control).observe((event, transaction) => {
      const byFacilitator = (transaction.origin as { role?: unknown } | null)?.role === 'facilitator'
      if (byFacilitator && event.keysChanged.has('step'))
        setImmediate(() => history?.saveQuietly(workshopId, 'step'))
    })
  }
  const httpContext = {
    config,
    store,
    log,
    metrics,
    rooms,
    history,
    fanout,
    limits: {
      create: new AddressLimiter(config.createLimitPerHour),
      import: new AddressLimiter(config.importLimitPerHour),
      join: new AddressLimiter(config.joinLimitPerHour),
    },
    timers: new Map<string, NodeJS.Timeout>(),
    webhooks,
  }
  void webhooks
    .resume()
    .catch((error) => log.warn({ error: String(error) }, 'webhook deliveries not resumed'))
  await armSurveyClocks(httpContext)
  // In a cluster a survey may be opened on another node, or its node may die: every node arms
  // the closing timers of all open surveys now and then; the first to fire closes it, once.
  const rearm = fanout
    ? setInterval(() => {
        armSurveyClocks(httpContext).catch((error) =>
          log.warn({ error: String(error) }, 'survey clocks not armed'),
        )
      }, SURVEY_CLOCKS_INTERVAL_MS)
    : undefined
  rearm?.unref()
  const httpServer = http.createServer(createHttpHandler(httpContext))
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes })

  httpServer.on('upgrade', createUpgradeHandler({ wss, rooms, store, log, metrics, config }))

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject)
    httpServer.listen(config.port, config.host, resolve)
  })
  const port = (httpServer.address() as AddressInfo).port
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
  let closing: Promise<void> | undefined

  return {
    port,
    url: `http://${shownHost}:${port}`,
    recordUncaughtError: () => metrics.uncaughtErrors.inc(),
    close() {
      closing ??= (async () => {
        clearInterval(rearm)
        webhooks.close()
        for (const timer of httpContext.timers.values()) clearTimeout(timer)
        history.close()
        for (const ws of wss.clients) ws.close(CloseCode.goingAway, 'server shutting down')
        const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()))
        httpServer.closeAllConnections()
        wss.close()
        await rooms.closeAll()
        await fanout?.close()
        await store.close()
        await stopped
      })()
      return closing
    },
  } satisfies TavoloServer
}
