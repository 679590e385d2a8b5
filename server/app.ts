import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import * as Y from 'yjs'
import { canWrite, parseRoomName, roomName, WEBSOCKET_PREFIX } from '../shared/rooms.ts'
import { migrateDocument } from '../shared/schema/migrations.ts'
import { authenticate } from './auth.ts'
import type { Config } from './config.ts'
import { CloseCode, serveConnection } from './connection.ts'
import { createHttpHandler } from './http.ts'
import type { Logger } from './log.ts'
import { createMetrics } from './metrics.ts'
import { openSqliteStore } from './persistence/sqlite-store.ts'
import type { Store } from './persistence/store.ts'
import { Rooms } from './rooms.ts'
import { armSurveyClocks } from './surveys.ts'

export type TavoloServer = {
  readonly port: number
  readonly url: string
  close(): Promise<void>
}

/** Starts the one process that serves the client, the API and the websocket documents. */
export async function startServer(
  config: Config,
  log: Logger,
  store: Store = openSqliteStore(config.dataDir),
) {
  const metrics = createMetrics()
  const rooms = new Rooms({
    store,
    log,
    metrics,
    compactAfterUpdates: config.compactAfterUpdates,
    roomIdleMs: config.roomIdleMs,
    onLoad: (room) => {
      if (room.kind !== 'content') return
      const before = Y.encodeStateVector(room.doc)
      if (migrateDocument(room.doc))
        store.appendUpdates([{ room: room.name, update: Y.encodeStateAsUpdate(room.doc, before) }])
    },
  })
  const httpContext = { config, store, log, metrics, rooms, timers: new Map<string, NodeJS.Timeout>() }
  armSurveyClocks(httpContext)
  const httpServer = http.createServer(createHttpHandler(httpContext))
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes })

  httpServer.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      const url = new URL(req.url ?? '/', 'http://localhost')
      const refuse = (code: number, reason: string) => {
        metrics.rejectedConnections.inc({ reason })
        log.info({ path: url.pathname, code, reason }, 'websocket refused')
        ws.close(code, reason)
      }
      if (!url.pathname.startsWith(`${WEBSOCKET_PREFIX}/`)) return refuse(CloseCode.notFound, 'unknown path')
      const address = parseRoomName(decodeURIComponent(url.pathname.slice(WEBSOCKET_PREFIX.length + 1)))
      if (!address) return refuse(CloseCode.notFound, 'not a workshop document')
      const auth = authenticate(store, address.workshopId, url.searchParams.get('key'))
      if (!auth.ok) return refuse(auth.closeCode, auth.reason)
      serveConnection(ws, {
        rooms,
        room: rooms.open(roomName(address.workshopId, address.kind), address.kind),
        canWrite: canWrite(auth.role, address.kind),
        log,
        metrics,
        rateLimitPerSecond: config.rateLimitPerSecond,
        rateLimitBurst: config.rateLimitBurst,
      })
    })
  })

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
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of httpContext.timers.values()) clearTimeout(timer)
        for (const ws of wss.clients) ws.close(CloseCode.goingAway, 'server shutting down')
        rooms.closeAll()
        store.close()
        wss.close()
        httpServer.close(() => resolve())
        httpServer.closeAllConnections()
      })
      return closing
    },
  } satisfies TavoloServer
}
