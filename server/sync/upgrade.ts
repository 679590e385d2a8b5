import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocket, WebSocketServer } from 'ws'
import { canWrite, parseRoomName, roomName, WEBSOCKET_PREFIX } from '../../shared/rooms.ts'
import { authenticate } from '../auth/keys.ts'
import type { Config } from '../config.ts'
import type { Logger } from '../log.ts'
import type { Metrics } from '../metrics.ts'
import type { Store } from '../persistence/store.ts'
import { CloseCode } from './close-codes.ts'
import { serveConnection } from './connection.ts'
import type { Rooms } from './rooms.ts'

type UpgradeContext = {
  wss: WebSocketServer
  rooms: Rooms
  store: Store
  log: Logger
  metrics: Metrics
  config: Config
}

/** The room a websocket URL names, or why it names none. Never throws, whatever the path holds. */
export function resolveTarget(
  requestUrl: string | undefined,
):
  | { ok: true; workshopId: string; kind: 'content' | 'control'; key: string | null }
  | { ok: false; code: number; reason: string } {
  let url: URL
  try {
    url = new URL(requestUrl ?? '/', 'http://localhost')
  } catch {
    return { ok: false, code: CloseCode.malformed, reason: 'malformed request target' }
  }
  if (!url.pathname.startsWith(`${WEBSOCKET_PREFIX}/`))
    return { ok: false, code: CloseCode.notFound, reason: 'unknown path' }
  let name: string
  try {
    name = decodeURIComponent(url.pathname.slice(WEBSOCKET_PREFIX.length + 1))
  } catch {
    return { ok: false, code: CloseCode.malformed, reason: 'malformed percent-escape in the path' }
  }
  const address = parseRoomName(name)
  if (!address) return { ok: false, code: CloseCode.notFound, reason: 'not a workshop document' }
  return { ok: true, ...address, key: url.searchParams.get('key') }
}

/**
 * Serves websocket upgrades. Whatever goes wrong with one connection (bad path, unknown key,
 * a room that cannot be loaded) closes that connection with a code and a log line, never
 * the process.
 */
export function createUpgradeHandler(ctx: UpgradeContext) {
  const { wss, rooms, store, log, metrics, config } = ctx

  function serve(ws: WebSocket, req: IncomingMessage, socket: Duplex) {
    const refuse = (code: number, reason: string, detail?: object) => {
      metrics.rejectedConnections.inc({ reason })
      log.info({ path: (req.url ?? '').slice(0, 200), code, reason, ...detail }, 'websocket refused')
      ws.close(code, reason)
    }
    try {
      const target = resolveTarget(req.url)
      if (!target.ok) return refuse(target.code, target.reason)
      const auth = authenticate(store, target.workshopId, target.key)
      if (!auth.ok) return refuse(auth.closeCode, auth.reason)
      serveConnection(ws, {
        rooms,
        room: rooms.open(roomName(target.workshopId, target.kind), target.kind),
        workshopId: target.workshopId,
        role: auth.role,
        canWrite: canWrite(auth.role, target.kind),
        log,
        metrics,
        socket,
        rateLimitPerSecond: config.rateLimitPerSecond,
        rateLimitBurst: config.rateLimitBurst,
        maxBufferedBytes: config.maxBufferedBytes,
      })
    } catch (error) {
      refuse(CloseCode.internalError, 'the document could not be opened', { error: String(error) })
    }
  }

  return (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error) => log.debug({ error: String(error) }, 'upgrade socket error'))
    try {
      wss.handleUpgrade(req, socket, head, (ws) => serve(ws, req, socket))
    } catch (error) {
      log.warn({ error: String(error) }, 'websocket upgrade failed')
      socket.destroy()
    }
  }
}
